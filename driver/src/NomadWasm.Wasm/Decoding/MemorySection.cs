using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Memory section (Wasm 2.0 §5.5.8): a vector of memory types (limits in pages).</summary>
internal static class MemorySection
{
    public static MemoryType[] Decode(ModuleReader reader)
    {
        var memories = new MemoryType[reader.ReadLength()];
        for (var i = 0; i < memories.Length; i++)
        {
            memories[i] = new MemoryType(reader.ReadLimits());
        }

        return memories;
    }
}
