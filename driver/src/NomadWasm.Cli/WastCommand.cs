namespace NomadWasm.Cli;

/// <summary>`nomad-wasm wast`: run a wast2json script (owned by the engine conformance work).</summary>
internal static class WastCommand
{
    public static int Run(string[] args)
    {
        _ = args;
        Console.Error.WriteLine("nomad-wasm wast: not implemented yet");
        return 1;
    }
}
