using NomadWasm.Plugin.Protos.Base;

namespace NomadWasm.Driver;

/// <summary>
/// The plugin's identity (nomad-plugin-protocol.md §6.2). Nomad matches the executable's file name
/// in plugin_dir against the agent's <c>plugin "&lt;name&gt;"</c> block, and jobs select the driver
/// by <see cref="Name"/>, so the published executable is called <c>spin</c> too (§2.1).
/// </summary>
internal static class PluginInfo
{
    /// <summary>The driver name: jobs say <c>driver = "spin"</c>.</summary>
    public const string Name = "spin";

    /// <summary>The only driver plugin API version Nomad speaks (plugins/drivers/versions.go).</summary>
    public const string ApiVersion = "v0.1.0";

    /// <summary>A go-version-parseable semver; Nomad picks the higher one between duplicates.</summary>
    public static string Version { get; } = typeof(PluginInfo).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    public static PluginInfoResponse Response() => new()
    {
        Type = PluginType.Driver,
        PluginApiVersions = { ApiVersion },
        PluginVersion = Version,
        Name = Name,
    };
}
