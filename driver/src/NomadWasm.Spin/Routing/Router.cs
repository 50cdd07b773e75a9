using NomadWasm.Spin.Loading;

namespace NomadWasm.Spin.Routing;

/// <summary>
/// The HTTP trigger's router (crates/routes/src/lib.rs; spec §2.3). Private triggers are not routable.
/// Identical route strings: the last declaration wins (reported in <see cref="Duplicates"/>). Routes are
/// tried in precedence order (<see cref="RoutePattern"/>); among equivalent patterns the first declared
/// is tried first. Immutable and thread-safe.
/// </summary>
public sealed class Router
{
    /// <summary>The reserved prefix handled before routing.</summary>
    public const string WellKnownPrefix = "/.well-known/spin/";

    private readonly (RoutePattern Pattern, HttpTriggerConfig Trigger)[] _routes;

    private Router((RoutePattern, HttpTriggerConfig)[] routes, IReadOnlyList<DuplicateRoute> duplicates, string basePath)
    {
        _routes = routes;
        Duplicates = duplicates;
        BasePath = basePath;
    }

    /// <summary>Routes declared more than once (Spin logs "The following component routes are duplicates and will never be used").</summary>
    public IReadOnlyList<DuplicateRoute> Duplicates { get; }

    /// <summary>The base path (always <c>/</c> since Spin 3).</summary>
    public string BasePath { get; }

    /// <summary>The routes in the order they are tried.</summary>
    public IEnumerable<(RoutePattern Pattern, HttpTriggerConfig Trigger)> Routes => _routes;

    /// <summary>True when a route lies under <c>/.well-known/spin/</c> (never reachable).</summary>
    public bool ContainsReservedRoute => _routes.Any(r => (r.Pattern.BasedRoute + "/").StartsWith(WellKnownPrefix, StringComparison.Ordinal));

    /// <summary>Builds a router from the app's HTTP triggers.</summary>
    /// <exception cref="FormatException">A route cannot be parsed (the message names the trigger).</exception>
    public static Router Build(IEnumerable<HttpTriggerConfig> triggers, string basePath = "/")
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(basePath);
        var byRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<(RoutePattern Pattern, HttpTriggerConfig Trigger)>();
        var duplicates = new List<DuplicateRoute>();
        foreach (var trigger in triggers)
        {
            if (trigger.Route is not { } raw)
            {
                continue;
            }

            RoutePattern pattern;
            try
            {
                pattern = RoutePattern.Parse(raw, basePath);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Error parsing route \"{raw}\" of trigger \"{trigger.Id}\": {ex.Message}", ex);
            }

            if (byRoute.TryGetValue(raw, out var index))
            {
                duplicates.Add(new DuplicateRoute(pattern.BasedRoute.Length == 0 ? "/" : pattern.BasedRoute, entries[index].Trigger.Id, trigger.Id));
                entries[index] = (pattern, trigger);
            }
            else
            {
                byRoute[raw] = entries.Count;
                entries.Add((pattern, trigger));
            }
        }

        // A stable sort keeps declaration order among patterns of equal precedence.
        var ordered = entries
            .Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => x, Comparer<((RoutePattern Pattern, HttpTriggerConfig Trigger) Entry, int Index)>.Create((x, y) =>
            {
                var c = RoutePattern.ComparePrecedence(x.Entry.Pattern, y.Entry.Pattern);
                return c != 0 ? c : x.Index.CompareTo(y.Index);
            }))
            .Select(x => x.Entry)
            .ToArray();
        return new Router(ordered, duplicates, basePath);
    }

    /// <summary>Builds a router for <paramref name="app"/>'s HTTP triggers.</summary>
    public static Router Build(LoadedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Build(app.HttpTriggers, app.HttpBase);
    }

    /// <summary>
    /// Routes a raw (still percent-encoded) request path without its query. Returns null when no route matches (404).
    /// </summary>
    public RouteMatch? Route(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var (pattern, trigger) in _routes)
        {
            parameters.Clear();
            if (!pattern.TryMatch(path, parameters, out var wildcard))
            {
                continue;
            }

            return new RouteMatch(trigger, pattern.BasedRoute, pattern.RawRoute, BasePath, PathInfo(wildcard, path), [.. parameters]);
        }

        return null;
    }

    /// <summary>Spin's historic trailing-slash behaviour for the wildcard capture (crates/routes/src/lib.rs).</summary>
    private static string PathInfo(string? wildcard, string path)
    {
        if (wildcard is null)
        {
            return "";
        }

        var trailingSlash = path.EndsWith('/');
        return (wildcard.Length == 0, trailingSlash) switch
        {
            (true, false) => "",
            (true, true) => "/",
            (false, false) => "/" + wildcard,
            (false, true) => "/" + wildcard + "/",
        };
    }
}
