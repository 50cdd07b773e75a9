namespace NomadWasm.Wasm.Model;

/// <summary>Kind of an import or export, encoded as its binary-format byte (Wasm 2.0 §5.5.5).</summary>
public enum ExternKind : byte
{
    Function = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
}
