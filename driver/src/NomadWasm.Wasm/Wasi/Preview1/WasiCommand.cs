using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Runs a WASI command (a module exporting <c>_start</c>), as <c>wasmtime run</c> and Spin's
/// Wagi executor do: the exit code is proc_exit's argument, or 0 when <c>_start</c> returns.
/// Traps propagate as <see cref="Runtime.Traps.TrapException"/>.
/// </summary>
public static class WasiCommand
{
    /// <summary>The entry point of a command module (WASI application ABI).</summary>
    public const string StartExport = "_start";

    /// <summary>Calls <c>_start</c> and returns the guest's exit code.</summary>
    /// <exception cref="InvalidOperationException">The module exports no <c>_start</c> function of type [] -> [].</exception>
    public static int Run(Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var start = instance.GetFunction(StartExport);
        if (start is null || start.Type.Parameters.Count != 0 || start.Type.Results.Count != 0)
        {
            throw new InvalidOperationException($"the module has no '{StartExport}' export of type [] -> [] (not a WASI command)");
        }

        try
        {
            start.Invoke();
            return 0;
        }
        catch (WasiExitException exit)
        {
            return exit.ExitCode;
        }
    }
}
