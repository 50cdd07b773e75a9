using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// One wasi_snapshot_preview1 function at the core-wasm ABI level: its name, its type, and the
/// call, which takes the raw arguments (i32 zero-extended, i64 as is) and returns the errno
/// (proc_exit throws instead). Independent of the runtime's Value type, so it is testable alone.
/// </summary>
internal sealed record WasiImport(string Name, FuncType Type, WasiImport.Invoker Call)
{
    /// <summary>The body of a host function: <paramref name="args"/> as raw 64-bit values.</summary>
    public delegate Errno Invoker(WasiContext ctx, GuestMemory memory, ReadOnlySpan<ulong> args);
}
