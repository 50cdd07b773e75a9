using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Import section (Wasm 2.0 §5.5.5): module name, field name, kind byte and descriptor.</summary>
internal static class ImportSection
{
    public static Import[] Decode(ModuleReader reader)
    {
        var imports = new Import[reader.ReadLength()];
        for (var i = 0; i < imports.Length; i++)
        {
            var module = reader.ReadName();
            var name = reader.ReadName();
            var kindOffset = reader.Position;
            var kind = reader.ReadByte();
            imports[i] = kind switch
            {
                0 => new Import(module, name, ExternKind.Function, FunctionTypeIndex: reader.ReadU32()),
                1 => new Import(module, name, ExternKind.Table, Table: TableSection.ReadTableType(reader)),
                2 => new Import(module, name, ExternKind.Memory, Memory: new MemoryType(reader.ReadLimits())),
                3 => new Import(module, name, ExternKind.Global, Global: GlobalSection.ReadGlobalType(reader)),
                4 => throw reader.Error("malformed import kind 4 (exception handling tag: proposal not supported)", kindOffset),
                _ => throw reader.Error("malformed import kind", kindOffset),
            };
        }

        return imports;
    }
}
