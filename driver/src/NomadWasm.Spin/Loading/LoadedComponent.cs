using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Loading;

/// <summary>A loaded component (spec §1.6).</summary>
/// <param name="Id">The component id (a kebab id, spec §1.8).</param>
/// <param name="SourcePath">Absolute host path of the component's <c>.wasm</c> file.</param>
/// <param name="Files">
/// Files to place in the guest's read-only root, after glob expansion and <c>exclude_files</c>;
/// every entry is a single file (directories are expanded), guest paths are absolute.
/// </param>
/// <param name="Environment">WASI environment variables, in manifest order.</param>
/// <param name="AllowedOutboundHosts">The parsed outbound allow-list (templates already resolved).</param>
/// <param name="KeyValueStores">Key-value store labels the component may open.</param>
/// <param name="Variables">Component variables: name → template over application variables (spec §1.9).</param>
public sealed record LoadedComponent(
    string Id,
    string SourcePath,
    IReadOnlyList<FileMount> Files,
    IReadOnlyDictionary<string, string> Environment,
    AllowedOutboundHosts AllowedOutboundHosts,
    IReadOnlyList<string> KeyValueStores,
    IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>The component description, or null.</summary>
    public string? Description { get; init; }

    /// <summary>SQLite database labels (<c>sqlite_databases</c>).</summary>
    public IReadOnlyList<string> SqliteDatabases { get; init; } = [];

    /// <summary>AI model names (<c>ai_models</c>).</summary>
    public IReadOnlyList<string> AiModels { get; init; } = [];

    /// <summary>The <c>allowed_outbound_hosts</c> entries as written (before template resolution).</summary>
    public IReadOnlyList<string> AllowedOutboundHostEntries { get; init; } = [];
}
