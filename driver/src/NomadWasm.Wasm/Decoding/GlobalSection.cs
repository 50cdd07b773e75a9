using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Global section (Wasm 2.0 §5.5.9): global type and initializer expression.</summary>
internal static class GlobalSection
{
    public static Global[] Decode(ModuleReader reader)
    {
        var globals = new Global[reader.ReadLength()];
        for (var i = 0; i < globals.Length; i++)
        {
            var type = ReadGlobalType(reader);
            globals[i] = new Global(type, reader.ReadConstExpr());
        }

        return globals;
    }

    public static GlobalType ReadGlobalType(ModuleReader reader)
    {
        var type = reader.ReadValType();
        var offset = reader.Position;
        return reader.ReadByte() switch
        {
            0 => new GlobalType(type, false),
            1 => new GlobalType(type, true),
            _ => throw reader.Error("malformed mutability", offset),
        };
    }
}
