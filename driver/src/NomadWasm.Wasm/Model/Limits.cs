namespace NomadWasm.Wasm.Model;

/// <summary>Size limits of a memory (in 64 KiB pages) or a table (in elements), Wasm 2.0 §2.3.8.</summary>
public readonly record struct Limits(uint Min, uint? Max)
{
    public override string ToString() => Max is { } max ? $"{Min}..{max}" : $"{Min}..";
}

/// <summary>A table type: reference element type and limits (Wasm 2.0 §2.3.10).</summary>
public readonly record struct TableType(ValType ElementType, Limits Limits);

/// <summary>A memory type: limits in 64 KiB pages (Wasm 2.0 §2.3.9).</summary>
public readonly record struct MemoryType(Limits Limits)
{
    /// <summary>Bytes per page.</summary>
    public const int PageSize = 65536;

    /// <summary>The largest page count a 32-bit memory may declare (4 GiB).</summary>
    public const uint MaxPages = 65536;
}

/// <summary>A global type (Wasm 2.0 §2.3.11).</summary>
public readonly record struct GlobalType(ValType Type, bool Mutable);
