using NomadWasm.Driver.Rpc;
using NomadWasm.Plugin;

namespace NomadWasm.Cli;

/// <summary>
/// Nomad driver plugin mode. Nomad runs the executable with no arguments and its magic cookie in
/// the environment (nomad-plugin-protocol.md §2.3, §3.1); <c>nomad-wasm plugin</c> does the same
/// by hand. Without the cookie the server prints a note to stderr and exits 1.
/// </summary>
internal static class PluginCommand
{
    private const string MagicCookieKey = "NOMAD_PLUGIN_MAGIC_COOKIE";

    public static bool LaunchedByNomad() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MagicCookieKey));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0)
        {
            await Console.Error.WriteLineAsync($"nomad-wasm plugin: unexpected argument '{args[0]}' (Nomad passes none; configure the driver in the agent's plugin \"spin\" {{ config {{ ... }} }} block)").ConfigureAwait(false);
            return 2;
        }

        var options = new PluginServerOptions { PluginName = DriverServices.PluginName };
        return await PluginServer.RunAsync(options, DriverServices.Register, CancellationToken.None).ConfigureAwait(false);
    }
}
