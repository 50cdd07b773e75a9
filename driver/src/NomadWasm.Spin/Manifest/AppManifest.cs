using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>
/// A manifest in the v2 shape (crates/manifest/src/schema/v2.rs), produced from either version; v1
/// is converted on read (spec §1.11). Values keep their TOML nodes so later stages can point at them.
/// </summary>
internal sealed record AppManifest(
    string File,
    int Version,
    AppDetails Application,
    IReadOnlyList<ManifestVariable> Variables,
    IReadOnlyList<ManifestTrigger> Triggers,
    IReadOnlyList<ManifestComponent> Components);

/// <summary><c>[application]</c> (spec §1.3).</summary>
internal sealed record AppDetails(
    string Name,
    string? Version,
    string? Description,
    IReadOnlyList<string> Authors,
    IReadOnlyDictionary<string, TomlTable> TriggerGlobalConfigs,
    string TriggerGlobalConfigsPath);

/// <summary>An application variable (spec §1.4).</summary>
internal sealed record ManifestVariable(string Name, string? Description, bool Required, string? Default, bool Secret, string Path, TomlValue At);

/// <summary>
/// A trigger entry (spec §1.5): <paramref name="Id"/> is null until normalization;
/// <paramref name="ComponentRef"/> names a component (inline components are moved out by normalization).
/// <paramref name="Config"/> holds the trigger-specific keys (everything except id/component/components).
/// </summary>
internal sealed record ManifestTrigger(
    string Type,
    string? Id,
    string? ComponentRef,
    ManifestComponent? InlineComponent,
    TomlTable Config,
    string Path,
    TomlTable At)
{
    /// <summary>The <c>component</c> value's node, for errors about the reference.</summary>
    public TomlValue? ComponentAt { get; init; }
}

/// <summary>A component (spec §1.6).</summary>
internal sealed record ManifestComponent(
    string Id,
    ComponentSource Source,
    string? Description,
    IReadOnlyList<(string Name, string Template, TomlValue At)> Variables,
    IReadOnlyList<(string Name, string Value, TomlValue At)> Environment,
    IReadOnlyList<FilesEntry> Files,
    IReadOnlyList<(string Pattern, TomlValue At)> ExcludeFiles,
    IReadOnlyList<(string Entry, TomlValue At)> AllowedOutboundHosts,
    IReadOnlyList<string> KeyValueStores,
    IReadOnlyList<string> SqliteDatabases,
    IReadOnlyList<string> AiModels,
    BuildConfig? Build,
    string Path,
    TomlValue At);

/// <summary>Where a component's Wasm comes from.</summary>
internal abstract record ComponentSource(TomlValue At)
{
    public sealed record Local(string Path, TomlValue At) : ComponentSource(At);

    public sealed record Remote(string Url, string Digest, TomlValue At) : ComponentSource(At);

    public sealed record Registry(string? RegistryName, string Package, string Version, TomlValue At) : ComponentSource(At);
}

/// <summary>One <c>files</c> entry: a path/glob, or a <c>{ source, destination }</c> placement.</summary>
internal sealed record FilesEntry(string? Pattern, string? Source, string? Destination, string Path, TomlValue At);

/// <summary><c>[component.x.build]</c>: validated, not used for running.</summary>
internal sealed record BuildConfig(IReadOnlyList<string> Commands, string? Workdir, IReadOnlyList<string> Watch);
