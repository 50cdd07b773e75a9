namespace NomadWasm.Wasm.Model;

/// <summary>Segment mode (Wasm 2.0 §2.5.7, §2.5.8).</summary>
public enum SegmentMode : byte
{
    Active,
    Passive,
    Declarative,
}

/// <summary>
/// An element segment (Wasm 2.0 §2.5.7). Items are given either as function indices
/// (<see cref="FunctionIndices"/>, the flag forms 0-3) or as constant expressions
/// (<see cref="Expressions"/>, the flag forms 4-7); exactly one of the two is non-null.
/// <see cref="TableIndex"/> and <see cref="Offset"/> are meaningful only when Active.
/// </summary>
public sealed record ElementSegment(
    SegmentMode Mode,
    ValType ElementType,
    uint TableIndex,
    ConstExpr? Offset,
    uint[]? FunctionIndices,
    ConstExpr[]? Expressions)
{
    public int Count => FunctionIndices?.Length ?? Expressions!.Length;
}

/// <summary>A data segment (Wasm 2.0 §2.5.8). <see cref="Offset"/> is meaningful only when Active.</summary>
public sealed record DataSegment(SegmentMode Mode, uint MemoryIndex, ConstExpr? Offset, ReadOnlyMemory<byte> Bytes);
