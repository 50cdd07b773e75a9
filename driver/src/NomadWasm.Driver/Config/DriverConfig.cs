namespace NomadWasm.Driver.Config;

/// <summary>The agent's <c>plugin "spin" { config { ... } }</c> (see <see cref="Schemas.PluginConfig"/>).</summary>
/// <param name="Enabled">False reports the driver as undetected, so no task is placed here.</param>
/// <param name="HostPath">The executable run as <c>&lt;host_path&gt; up ...</c>; empty means this plugin's own executable.</param>
/// <param name="StartupTimeout">How long StartTask waits for the app to accept connections.</param>
/// <param name="FingerprintInterval">How often Fingerprint re-checks health.</param>
internal sealed record DriverConfig(bool Enabled, string HostPath, TimeSpan StartupTimeout, TimeSpan FingerprintInterval)
{
    public static DriverConfig Default { get; } = new(true, string.Empty, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
}
