using NomadWasm.Spin.Capabilities;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Http;

/// <summary>How to run a loaded app (what <c>nomad-wasm up</c> gathers from its flags and runtime config).</summary>
internal sealed record SpinAppOptions
{
    /// <summary><c>--env</c> values appended to every component's environment.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraEnvironment { get; init; } = [];

    /// <summary>Variable providers, highest priority first (<c>--variable</c>, runtime config, environment).</summary>
    public IReadOnlyList<IVariableProvider> VariableProviders { get; init; } = [];

    /// <summary>The state directory (default key-value store); null = none (in-memory).</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Runtime-config key-value stores of type <c>spin</c>: label → absolute SQLite path.</summary>
    public IReadOnlyDictionary<string, string> KeyValueFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Where component <c>files</c> are copied (one sub-directory per component); null = a fresh temp directory.</summary>
    public string? AssetsDirectory { get; init; }

    public ExecutionLimits Limits { get; init; } = ExecutionLimits.None;

    /// <summary>Timeout of each outbound HTTP request.</summary>
    public TimeSpan OutboundHttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IRuntimeLog Log { get; init; } = NullRuntimeLog.Instance;
}
