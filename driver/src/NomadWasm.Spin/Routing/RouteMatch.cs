using NomadWasm.Spin.Loading;

namespace NomadWasm.Spin.Routing;

/// <summary>
/// The result of routing a request (crates/routes/src/lib.rs <c>RouteMatch</c>; spec §2.3, §2.5): which
/// trigger handles it and every value the <c>spin-*</c> headers and Wagi <c>X_*</c> variables need.
/// </summary>
public sealed class RouteMatch
{
    internal RouteMatch(HttpTriggerConfig trigger, string basedRoute, string rawRoute, string basePath, string pathInfo, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        Trigger = trigger;
        BasedRoute = basedRoute;
        RawRoute = rawRoute;
        BasePath = basePath;
        PathInfo = pathInfo;
        Parameters = parameters;
    }

    /// <summary>The matched trigger (component or static response).</summary>
    public HttpTriggerConfig Trigger { get; }

    /// <summary>The component to run, or null for a static response.</summary>
    public string? ComponentId => Trigger.ComponentId;

    /// <summary><c>spin-matched-route</c>: the normalized route joined with the base; empty for route <c>/</c>.</summary>
    public string BasedRoute { get; }

    /// <summary><c>spin-raw-component-route</c>: the route exactly as written in the manifest.</summary>
    public string RawRoute { get; }

    /// <summary><c>spin-component-route</c> (and Wagi <c>SCRIPT_NAME</c>): the raw route minus a trailing <c>/...</c>.</summary>
    public string ComponentRoute => RawRoute.EndsWith("/...", StringComparison.Ordinal) ? RawRoute[..^4] : RawRoute;

    /// <summary>The based route minus a trailing <c>/...</c>.</summary>
    public string BasedRouteOrPrefix => BasedRoute.EndsWith("/...", StringComparison.Ordinal) ? BasedRoute[..^4] : BasedRoute;

    /// <summary><c>spin-base-path</c>: always <c>/</c> since Spin 3.</summary>
    public string BasePath { get; }

    /// <summary>
    /// <c>spin-path-info</c>: the part matched by the trailing wildcard, raw, with Spin's historic
    /// trailing-slash behaviour (<c>/test/...</c>: <c>/test</c> → "", <c>/test/</c> → "/", <c>/test/a/</c> → "/a/");
    /// empty for exact routes.
    /// </summary>
    public string PathInfo { get; }

    /// <summary>The <c>:name</c> captures in route order (<c>spin-path-match-&lt;name&gt;</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>The header name for a parameter: <c>spin-path-match-</c> + name uppercased, lowercased, <c>_</c>→<c>-</c>.</summary>
    public static string ParameterHeaderName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "spin-path-match-" + name.ToUpperInvariant().ToLowerInvariant().Replace('_', '-');
    }

    /// <summary>The Wagi variable name for a parameter: <c>X_PATH_MATCH_</c> + name uppercased.</summary>
    public static string ParameterVariableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "X_PATH_MATCH_" + name.ToUpperInvariant();
    }

    /// <summary>
    /// A synthetic match for service chaining (spec §2.5): matched and raw route <c>/...</c>, component
    /// route empty, path-info = the full path.
    /// </summary>
    public static RouteMatch Synthetic(HttpTriggerConfig trigger, string path)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(path);
        return new RouteMatch(trigger, "/...", "/...", "/", path, []);
    }
}
