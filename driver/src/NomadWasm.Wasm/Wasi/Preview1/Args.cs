namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// <c>args_get</c> / <c>args_sizes_get</c> (wasi_snapshot_preview1.witx). Environ.cs shares the
/// string-array layout.
/// </summary>
internal static class Args
{
    /// <summary>
    /// <c>args_sizes_get() -> (argc: size, argv_buf_size: size)</c>: writes the count and the total
    /// bytes of all NUL-terminated arguments.
    /// <code>
    ///   argc_out      argv_buf_size_out
    ///   [u32 argc]    [u32 sum(len(arg) + 1)]
    /// </code>
    /// </summary>
    public static Errno SizesGet(WasiContext ctx, GuestMemory memory, uint countOut, uint sizeOut) =>
        StringArrays.SizesGet(memory, ctx.Configuration.Arguments.Count, ctx.Configuration.ArgsBlob, countOut, sizeOut);

    /// <summary>
    /// <c>args_get(argv: Pointer&lt;Pointer&lt;u8&gt;&gt;, argv_buf: Pointer&lt;u8&gt;)</c>: fills argv with
    /// pointers into argv_buf, which receives the NUL-terminated strings back to back.
    /// <code>
    ///   argv:     [ptr0][ptr1]...        (u32 each)
    ///               |     `-------------.
    ///   argv_buf: "a.wasm\0"            "x\0"
    /// </code>
    /// </summary>
    public static Errno Get(WasiContext ctx, GuestMemory memory, uint argv, uint argvBuf) =>
        StringArrays.Get(memory, ctx.Configuration.ArgsBlob, argv, argvBuf);
}
