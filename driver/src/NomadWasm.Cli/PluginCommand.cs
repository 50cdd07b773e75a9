namespace NomadWasm.Cli;

/// <summary>Nomad driver plugin mode (owned by the plugin work).</summary>
internal static class PluginCommand
{
    public static bool LaunchedByNomad() => false;

    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        await Console.Error.WriteLineAsync("nomad-wasm plugin: not implemented yet").ConfigureAwait(false);
        return 1;
    }
}
