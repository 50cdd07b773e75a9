namespace NomadWasm.Wasm.Model;

/// <summary>
/// A constant expression (Wasm 2.0 §3.3.10, plus extended-const): the raw instruction bytes,
/// including the terminating <c>end</c> (0x0B). <see cref="Offset"/> is the absolute byte offset of
/// the first instruction within the module, for error messages.
/// </summary>
public sealed record ConstExpr(ReadOnlyMemory<byte> Code, int Offset);
