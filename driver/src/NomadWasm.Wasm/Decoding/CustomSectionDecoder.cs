using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Custom sections (Wasm 2.0 §5.5.3): a UTF-8 name and opaque bytes. The "name" section
/// (§7.4.1) is decoded for module and function names.
/// </summary>
internal static class CustomSectionDecoder
{
    public static void Decode(ModuleReader reader, ModuleBuilder builder, int end)
    {
        var start = reader.Position;
        var name = reader.ReadName();
        if (reader.Position > end)
        {
            throw reader.Error(ModuleReader.UnexpectedEnd, start);
        }

        var data = reader.ReadBytes(end - reader.Position);
        builder.CustomSections.Add(new CustomSection(name, data, end - data.Length));
        if (name == "name" && builder.FunctionNames is null)
        {
            NameSection.Decode(data, builder);
        }
    }
}
