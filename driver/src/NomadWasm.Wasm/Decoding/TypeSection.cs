using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Type section (Wasm 2.0 §5.5.4): a vector of function types <c>0x60 params results</c>.</summary>
internal static class TypeSection
{
    public static FuncType[] Decode(ModuleReader reader)
    {
        var types = new FuncType[reader.ReadLength()];
        for (var i = 0; i < types.Length; i++)
        {
            var offset = reader.Position;
            var form = reader.ReadByte();
            if (form != 0x60)
            {
                throw reader.Error(form is 0x4E or 0x4F or 0x50 or 0x5E or 0x5F
                    ? $"malformed function type 0x{form:x2} (GC proposal not supported)"
                    : "malformed function type", offset);
            }

            var parameters = ReadValTypes(reader);
            var results = ReadValTypes(reader);
            types[i] = new FuncType(parameters, results);
        }

        return types;
    }

    private static ValType[] ReadValTypes(ModuleReader reader)
    {
        var types = new ValType[reader.ReadLength()];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = reader.ReadValType();
        }

        return types;
    }
}
