namespace NomadWasm.Cli;

/// <summary>`nomad-wasm run`: run a WASI command module (owned by the WASI work).</summary>
internal static class RunCommand
{
    public static int Run(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("nomad-wasm run: not implemented yet");
        return 1;
    }
}
