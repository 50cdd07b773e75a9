namespace NomadWasm.Wasm.Model;

/// <summary>A run of <see cref="Count"/> locals of one type, as declared in the code section.</summary>
public readonly record struct LocalRun(uint Count, ValType Type);

/// <summary>
/// A function body from the code section (Wasm 2.0 §5.5.13). <see cref="Code"/> holds the
/// instruction bytes from the first instruction through the final <c>end</c> (0x0B);
/// <see cref="CodeOffset"/> is the absolute module offset of <see cref="Code"/>[0].
/// </summary>
public sealed record FunctionBody(LocalRun[] Locals, ReadOnlyMemory<byte> Code, int CodeOffset);
