using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Loading;

/// <summary>
/// <c>spin up -c/--component-id</c> (spec §5.2): run a subset of the components. Triggers of dropped
/// components are dropped too (static-response triggers stay); a retained component that service-chains
/// to a dropped one (<c>http://&lt;id&gt;.spin.internal</c>) is an error, as in Spin.
/// </summary>
public static class AppFilter
{
    /// <summary>Returns <paramref name="app"/> restricted to <paramref name="componentIds"/>.</summary>
    /// <exception cref="ManifestException">An unknown id, or a service-chaining target left out.</exception>
    public static LoadedApp RetainComponents(LoadedApp app, IReadOnlyCollection<string> componentIds)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(componentIds);
        var known = app.Components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in componentIds)
        {
            if (!known.Contains(id))
            {
                throw new ManifestException(app.ManifestPath, null, $"no component \"{id}\" in the application; components are: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }
        }

        var retained = componentIds.ToHashSet(StringComparer.Ordinal);
        var components = app.Components.Where(c => retained.Contains(c.Id)).ToList();
        foreach (var component in components)
        {
            foreach (var entry in component.AllowedOutboundHosts.Entries)
            {
                if (entry.Host is HostPattern.Exact exact &&
                    exact.Name.EndsWith(".spin.internal", StringComparison.OrdinalIgnoreCase) &&
                    exact.Name[..^".spin.internal".Length] is var target &&
                    known.Contains(target) && !retained.Contains(target))
                {
                    throw new ManifestException(app.ManifestPath, $"component.{component.Id}.allowed_outbound_hosts",
                        $"component \"{component.Id}\" uses service chaining to \"{target}\", which is not among the selected components; select it too");
                }
            }
        }

        return app with
        {
            Components = components,
            HttpTriggers = [.. app.HttpTriggers.Where(t => t.ComponentId is null || retained.Contains(t.ComponentId))],
            RedisTriggers = [.. app.RedisTriggers.Where(t => retained.Contains(t.ComponentId))],
        };
    }
}
