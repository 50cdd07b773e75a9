namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>The pointer-array-plus-buffer layout shared by args and environ.</summary>
internal static class StringArrays
{
    public static Errno SizesGet(GuestMemory memory, int count, byte[] blob, uint countOut, uint sizeOut)
    {
        memory.WriteU32(countOut, (uint)count);
        memory.WriteU32(sizeOut, (uint)blob.Length);
        return Errno.Success;
    }

    public static Errno Get(GuestMemory memory, byte[] blob, uint pointers, uint buffer)
    {
        blob.CopyTo(memory.Slice(buffer, (uint)blob.Length));
        var start = 0;
        var slot = pointers;
        for (var i = 0; i < blob.Length; i++)
        {
            if (blob[i] == 0)
            {
                memory.WriteU32(slot, buffer + (uint)start);
                slot += 4;
                start = i + 1;
            }
        }

        return Errno.Success;
    }
}
