namespace NomadWasm.Plugin.Handshake;

/// <summary>
/// go-plugin's magic cookie (spec §3.1): Nomad starts plugins with <c>NOMAD_PLUGIN_MAGIC_COOKIE</c> set to a fixed value.
/// Without it the binary was run by hand, and it explains itself instead of starting a server.
/// </summary>
internal static class MagicCookie
{
    internal const string NomadKey = "NOMAD_PLUGIN_MAGIC_COOKIE";
    internal const string NomadValue = "e4327c2e01eabfd75a8a67adb114fb34a757d57eee7728d857a8cec6e91a7255";

    internal static bool IsValid(string? actual, string expected) =>
        actual is not null && string.Equals(actual, expected, StringComparison.Ordinal);

    /// <summary>The note for a human who ran the binary directly (go-plugin prints the same idea, GP:server.go:258-266).</summary>
    internal static string RefusalMessage(string pluginName, string key) =>
        $$"""
        This binary is a Nomad task-driver plugin ("{{pluginName}}"). It is not meant to be executed directly:
        the Nomad client agent starts it and talks to it over gRPC (HashiCorp go-plugin protocol).

        To use it, copy this executable into the agent's plugin_dir and add a matching block to the agent config:

            plugin "{{pluginName}}" {
              config { }
            }

        (Missing or wrong {{key}} environment variable.)

        """;
}
