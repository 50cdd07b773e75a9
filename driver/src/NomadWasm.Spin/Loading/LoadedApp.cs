namespace NomadWasm.Spin.Loading;

/// <summary>
/// A Spin application after loading: manifest v1 or v2 read, converted to the v2 model, normalized
/// (trigger ids, inline components), file globs expanded, ids and templates validated. This is the
/// form every later stage (HTTP trigger, executors, capabilities) consumes — our counterpart of
/// Spin's <c>LockedApp</c> (spec §0 step 2, §7.1).
/// </summary>
/// <param name="Name">The application name (<c>[application] name</c>, v1 top-level <c>name</c>).</param>
/// <param name="Version">The application version, or null when the manifest gives none.</param>
/// <param name="Description">The application description, or null.</param>
/// <param name="AppDirectory">Absolute path of the directory holding the manifest.</param>
/// <param name="Variables">Application variables (<c>[variables]</c>) by name.</param>
/// <param name="Components">Every component, in manifest order (inline trigger components included).</param>
/// <param name="HttpTriggers">The <c>[[trigger.http]]</c> entries, in manifest order.</param>
/// <param name="HttpBase">The HTTP base path; always <c>/</c> (spec §1.3, §2.4: any other value fails to load).</param>
public sealed record LoadedApp(
    string Name,
    string? Version,
    string? Description,
    string AppDirectory,
    IReadOnlyDictionary<string, VariableDefinition> Variables,
    IReadOnlyList<LoadedComponent> Components,
    IReadOnlyList<HttpTriggerConfig> HttpTriggers,
    string HttpBase)
{
    /// <summary>Absolute path of the manifest file the app was loaded from.</summary>
    public string ManifestPath { get; init; } = "";

    /// <summary>Authors listed in the manifest.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The <c>[[trigger.redis]]</c> entries (not run by NomadWasm yet, but loaded and validated).</summary>
    public IReadOnlyList<RedisTriggerConfig> RedisTriggers { get; init; } = [];

    /// <summary>Non-fatal findings (deprecated keys, broad file globs), in the order they were found.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Finds a component by id, or null.</summary>
    public LoadedComponent? FindComponent(string id)
    {
        foreach (var component in Components)
        {
            if (string.Equals(component.Id, id, StringComparison.Ordinal))
            {
                return component;
            }
        }

        return null;
    }
}
