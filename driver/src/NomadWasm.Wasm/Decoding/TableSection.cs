using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Table section (Wasm 2.0 §5.5.7): a vector of table types (reference type, limits).</summary>
internal static class TableSection
{
    public static TableType[] Decode(ModuleReader reader)
    {
        var tables = new TableType[reader.ReadLength()];
        for (var i = 0; i < tables.Length; i++)
        {
            tables[i] = ReadTableType(reader);
        }

        return tables;
    }

    public static TableType ReadTableType(ModuleReader reader)
    {
        var elementType = reader.ReadRefType();
        return new TableType(elementType, reader.ReadLimits());
    }
}
