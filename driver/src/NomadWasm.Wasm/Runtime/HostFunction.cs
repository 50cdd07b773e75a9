namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A function the host provides to guests. <paramref name="args"/> match the declared parameter
/// types; the host writes one value per declared result into <paramref name="results"/>.
/// Exceptions thrown here propagate unchanged through compiled code to the embedder.
/// </summary>
public delegate void HostFunction(Caller caller, ReadOnlySpan<Value> args, Span<Value> results);
