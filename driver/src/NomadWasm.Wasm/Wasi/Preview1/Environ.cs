namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// <c>environ_get</c> / <c>environ_sizes_get</c> (wasi_snapshot_preview1.witx): the same layout as
/// args (see <see cref="Args"/>), each string being <c>KEY=VALUE\0</c>.
/// </summary>
internal static class Environ
{
    public static Errno SizesGet(WasiContext ctx, GuestMemory memory, uint countOut, uint sizeOut) =>
        StringArrays.SizesGet(memory, ctx.Configuration.Environment.Count, ctx.Configuration.EnvironBlob, countOut, sizeOut);

    public static Errno Get(WasiContext ctx, GuestMemory memory, uint environ, uint environBuf) =>
        StringArrays.Get(memory, ctx.Configuration.EnvironBlob, environ, environBuf);
}
