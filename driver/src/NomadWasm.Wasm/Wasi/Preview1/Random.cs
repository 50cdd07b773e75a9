using System.Security.Cryptography;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary><c>random_get(buf: Pointer&lt;u8&gt;, buf_len: size)</c> (wasi_snapshot_preview1.witx).</summary>
internal static class Random
{
    /// <summary>Fills <c>buf[0..buf_len)</c> with cryptographically secure random bytes.</summary>
    public static Errno Get(WasiContext ctx, GuestMemory memory, uint buffer, uint length)
    {
        _ = ctx;
        RandomNumberGenerator.Fill(memory.Slice(buffer, length));
        return Errno.Success;
    }
}
