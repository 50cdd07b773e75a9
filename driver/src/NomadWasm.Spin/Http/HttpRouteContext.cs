namespace NomadWasm.Spin.Http;

/// <summary>
/// What the router found for a request, in the form the <c>spin-*</c> headers and the Wagi
/// environment need (spec §2.3, §2.5).
/// </summary>
/// <param name="RawRoute">The route exactly as written in the manifest (<c>spin-raw-component-route</c>).</param>
/// <param name="MatchedRoute">The normalized route (<c>spin-matched-route</c>; empty for route <c>/</c>).</param>
/// <param name="PathInfo">The part matched by a trailing wildcard, raw (<c>spin-path-info</c>).</param>
/// <param name="Parameters">Captured <c>:name</c> parameters in pattern order.</param>
internal sealed record HttpRouteContext(
    string RawRoute,
    string MatchedRoute,
    string PathInfo,
    IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The raw route minus a trailing <c>/...</c> (<c>spin-component-route</c>, Wagi <c>SCRIPT_NAME</c>).</summary>
    public string ComponentRoute => ComponentRouteOf(RawRoute);

    /// <summary>Strips one trailing <c>/...</c> (or a bare <c>...</c>) from a route.</summary>
    public static string ComponentRouteOf(string rawRoute)
    {
        ArgumentNullException.ThrowIfNull(rawRoute);
        if (rawRoute.EndsWith("/...", StringComparison.Ordinal))
        {
            return rawRoute[..^4];
        }

        return rawRoute == "..." ? "" : rawRoute;
    }
}
