namespace NomadWasm.Cli;

/// <summary>`nomad-wasm up`: serve a Spin app (owned by the Spin runtime work).</summary>
internal static class UpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        await Console.Error.WriteLineAsync("nomad-wasm up: not implemented yet").ConfigureAwait(false);
        return 1;
    }
}
