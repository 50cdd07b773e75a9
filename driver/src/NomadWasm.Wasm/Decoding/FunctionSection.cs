namespace NomadWasm.Wasm.Decoding;

/// <summary>Function section (Wasm 2.0 §5.5.6): the type index of each defined function.</summary>
internal static class FunctionSection
{
    public static uint[] Decode(ModuleReader reader)
    {
        var indices = new uint[reader.ReadLength()];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = reader.ReadU32();
        }

        return indices;
    }
}
