namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// The "name" custom section (Wasm 2.0 §7.4.1): subsection 0 is the module name, 1 the function
/// names; others are skipped. Names are debugging information only, so a malformed name section
/// is ignored as the spec recommends (§7.4: "may be ignored"): the module still loads, unnamed.
/// </summary>
internal static class NameSection
{
    public static void Decode(ReadOnlyMemory<byte> data, ModuleBuilder builder)
    {
        var reader = new ModuleReader(data) { Section = "name" };
        string? moduleName = null;
        var functionNames = new Dictionary<uint, string>();
        try
        {
            while (!reader.AtEnd)
            {
                var id = reader.ReadByte();
                var size = reader.ReadSize();
                var end = reader.Position + size;
                switch (id)
                {
                    case 0:
                        moduleName = reader.ReadName();
                        break;
                    case 1:
                        {
                            var count = reader.ReadLength();
                            for (var i = 0; i < count; i++)
                            {
                                var index = reader.ReadU32();
                                functionNames[index] = reader.ReadName();
                            }

                            break;
                        }

                    default:
                        reader.Position = end;
                        break;
                }

                if (reader.Position != end)
                {
                    throw reader.Error("section size mismatch");
                }
            }
        }
        catch (MalformedModuleException)
        {
            // Deliberately dropped: a broken name section must not fail the module (see summary).
            return;
        }

        builder.ModuleName = moduleName;
        builder.FunctionNames = functionNames;
    }
}
