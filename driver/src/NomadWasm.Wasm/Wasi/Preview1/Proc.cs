namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary><c>proc_exit</c>, <c>proc_raise</c>, <c>sched_yield</c> (wasi_snapshot_preview1.witx).</summary>
internal static class Proc
{
    /// <summary>
    /// <c>proc_exit(rval: exitcode)</c>: never returns; ends the guest's call with
    /// <see cref="WasiExitException"/>.
    /// </summary>
    public static void Exit(WasiContext ctx, uint code)
    {
        ctx.ExitCode = (int)code;
        throw new WasiExitException((int)code);
    }

    /// <summary><c>proc_raise(sig: signal)</c>: unsupported, as in wasmtime (ENOSYS).</summary>
    public static Errno Raise(uint signal)
    {
        _ = signal;
        return Errno.NoSys;
    }

    /// <summary><c>sched_yield()</c>.</summary>
    public static Errno Yield()
    {
        Thread.Yield();
        return Errno.Success;
    }
}
