using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Registers the 46 wasi_snapshot_preview1 host functions on a <see cref="Linker"/>. The
/// functions are stateless: each call finds its <see cref="WasiContext"/> through
/// <c>caller.Store.Data</c>, which must be an <see cref="IWasiHost"/> (a <see cref="WasiContext"/>
/// itself qualifies). So one linker serves every store and every request.
/// </summary>
/// <remarks>
/// Error behaviour follows wasmtime's preview-1 implementation: failures are errnos; an
/// out-of-bounds or misaligned guest pointer traps ("out of bounds memory access"); a missing
/// WASI host in Store.Data traps with a message saying so; <c>proc_exit</c> ends the call with
/// <see cref="WasiExitException"/>.
/// </remarks>
public static class WasiPreview1
{
    /// <summary>The import module name, "wasi_snapshot_preview1".</summary>
    public const string ModuleName = WasiImports.Module;

    /// <summary>The names of every function <see cref="AddTo"/> defines.</summary>
    public static IEnumerable<string> FunctionNames => WasiImports.All.Select(static i => i.Name);

    /// <summary>Defines every preview-1 function on <paramref name="linker"/>.</summary>
    public static Linker AddTo(Linker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        foreach (var import in WasiImports.All)
        {
            linker.DefineFunction(ModuleName, import.Name, import.Type, Bind(import));
        }

        return linker;
    }

    private static HostFunction Bind(WasiImport import)
    {
        var call = import.Call;
        var name = import.Name;
        var hasResult = import.Type.Results.Count == 1;
        return (caller, args, results) =>
        {
            var ctx = (caller.Store?.Data as IWasiHost)?.Wasi
                ?? throw new InvalidOperationException(
                    $"{ModuleName}.{name} called but the store's Data is not an IWasiHost (set Store.Data to a WasiContext)");
            Span<ulong> raw = stackalloc ulong[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                raw[i] = (ulong)args[i].I64;
            }

            Errno errno;
            try
            {
                errno = call(ctx, new GuestMemory(caller.Memory is { } memory ? memory.Span : []), raw);
            }
            catch (GuestMemoryFaultException)
            {
                // witx-docs.md "Pointers": an out-of-bounds or misaligned pointer traps (wasmtime too).
                // The trap names the host function that found the bad pointer.
                throw new TrapException(TrapKind.MemoryOutOfBounds, $"{ModuleName}.{name}");
            }

            if (hasResult)
            {
                results[0] = Value.FromI32((int)errno);
            }
        };
    }
}
