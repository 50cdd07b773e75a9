namespace NomadWasm.Wasm.Model;

/// <summary>
/// An import (Wasm 2.0 §2.5.11). Exactly one descriptor is meaningful, chosen by <see cref="Kind"/>:
/// <see cref="FunctionTypeIndex"/>, <see cref="Table"/>, <see cref="Memory"/> or <see cref="Global"/>.
/// </summary>
public sealed record Import(
    string Module,
    string Name,
    ExternKind Kind,
    uint FunctionTypeIndex = 0,
    TableType Table = default,
    MemoryType Memory = default,
    GlobalType Global = default)
{
    public override string ToString() => $"\"{Module}\".\"{Name}\" ({Kind})";
}

/// <summary>An export (Wasm 2.0 §2.5.10): a name and an index into the kind's index space (imports first).</summary>
public sealed record Export(string Name, ExternKind Kind, uint Index);
