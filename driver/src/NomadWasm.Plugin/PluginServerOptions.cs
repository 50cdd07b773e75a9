using Microsoft.Extensions.Logging;
using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Handshake;

namespace NomadWasm.Plugin;

/// <summary>How <see cref="PluginServer"/> identifies itself and where it talks. The defaults are Nomad's.</summary>
public sealed class PluginServerOptions
{
    /// <summary>The plugin's name, used in the note printed when the binary is run by hand and as the log module.</summary>
    public string PluginName { get; set; } = "nomad-wasm";

    /// <summary>The magic cookie variable (spec §3.1).</summary>
    public string MagicCookieKey { get; set; } = MagicCookie.NomadKey;

    /// <summary>The magic cookie value (spec §3.1).</summary>
    public string MagicCookieValue { get; set; } = MagicCookie.NomadValue;

    /// <summary>App protocol versions this plugin speaks; Nomad uses 2 (spec §3.2).</summary>
    public IReadOnlyList<int> AppProtocolVersions { get; set; } = [2];

    /// <summary>The lowest level written to stderr. Nomad drops lines below the agent's own log level anyway.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Debug;

    /// <summary>gRPC server limits.</summary>
    public GrpcServerOptions Grpc { get; } = new();

    /// <summary>Reads an environment variable; internal for testing.</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>Where the handshake line goes; null means the process's real stdout. Internal for testing.</summary>
    internal Stream? HandshakeOutput { get; set; }

    /// <summary>Where hclog lines and the refusal note go; null means the process's real stderr. Internal for testing.</summary>
    internal Stream? LogOutput { get; set; }

    /// <summary>Whether to take over process-wide state: Console.Out redirect and SIGINT/SIGTERM handling. Off in in-process tests.</summary>
    internal bool OwnsProcess { get; set; } = true;
}
