namespace NomadWasm.Spin.Http;

/// <summary>One line of the startup route list (spec §2.1).</summary>
/// <param name="Target">The component id (or the trigger id of a static response).</param>
/// <param name="Route">The route as written.</param>
/// <param name="Description">The component's description, or null.</param>
internal sealed record RouteListing(string Target, string Route, string? Description)
{
    /// <summary>
    /// The route as Spin prints it after the base URL (crates/routes ParsedRoute's Display): exact routes
    /// normalized (<c>/</c> → empty), wildcards as <c>&lt;prefix&gt; (wildcard)</c> (<c>/...</c> → <c> (wildcard)</c>).
    /// </summary>
    public required string Display { get; init; }
}
