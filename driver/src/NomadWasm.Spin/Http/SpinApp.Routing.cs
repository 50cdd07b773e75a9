using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Routing;

namespace NomadWasm.Spin.Http;

/// <summary>Routing through spin-manifest's <see cref="Routing.Router"/> (spec §2.3).</summary>
internal sealed partial class SpinApp
{
    private Router Router { get; }

    private static Router BuildRouter(LoadedApp app)
    {
        try
        {
            return Router.Build(app);
        }
        catch (FormatException e)
        {
            throw new SpinStartupException(e.Message, e);
        }
    }

    /// <summary>Routes on the raw path; null when nothing matches.</summary>
    private (HttpTriggerConfig Trigger, HttpRouteContext Route)? Match(string path)
    {
        if (Router.Route(path) is not { } match)
        {
            return null;
        }

        return (match.Trigger, new HttpRouteContext(match.RawRoute, match.BasedRoute, match.PathInfo, match.Parameters));
    }

    /// <summary>The routes in the router's order, displayed as Spin prints them.</summary>
    private static IReadOnlyList<RouteListing> BuildListing(LoadedApp app, Router router)
    {
        var listing = new List<RouteListing>();
        foreach (var (pattern, trigger) in router.Routes)
        {
            var description = trigger.ComponentId is { } id ? app.FindComponent(id)?.Description : null;
            var display = pattern.IsWildcard ? pattern.Prefix + " (wildcard)" : pattern.BasedRoute;
            listing.Add(new RouteListing(trigger.ComponentId ?? trigger.Id, trigger.Route!, description) { Display = display });
        }

        return listing;
    }
}
