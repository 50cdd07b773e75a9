using System.Text;

namespace NomadWasm.Spin.Routing;

/// <summary>
/// A parsed HTTP route (crates/routes/src/lib.rs + routefinder 0.5; spec §2.3). Normalization: a
/// missing leading <c>/</c> is added and <b>one</b> trailing <c>/</c> removed, after joining the base; a
/// suffix <c>/...</c> (or <c>/*</c>) is a trailing wildcard; <c>:name</c> captures one segment; <c>.</c>
/// separates segments too.
/// </summary>
public sealed class RoutePattern
{
    private readonly RouteSegment[] _segments;

    private RoutePattern(string raw, string based, string prefix, bool wildcard, RouteSegment[] segments)
    {
        RawRoute = raw;
        BasedRoute = based;
        Prefix = prefix;
        IsWildcard = wildcard;
        _segments = segments;
    }

    /// <summary>The route exactly as written in the manifest (<c>spin-raw-component-route</c>).</summary>
    public string RawRoute { get; }

    /// <summary>The normalized route joined with the base (<c>spin-matched-route</c>); the empty string for <c>/</c>.</summary>
    public string BasedRoute { get; }

    /// <summary>The based route without the trailing wildcard; empty for <c>/</c> and <c>/...</c>.</summary>
    public string Prefix { get; }

    /// <summary>True for a trailing-wildcard route.</summary>
    public bool IsWildcard { get; }

    /// <summary>How Spin prints the route at startup: the prefix (or <c>/</c>), plus " (wildcard)" for wildcards.</summary>
    public string DisplayPath => Prefix.Length == 0 ? "/" : Prefix;

    internal IReadOnlyList<RouteSegment> Segments => _segments;

    internal int DotCount => _segments.Count(s => s.Kind == RouteSegmentKind.Dot);

    /// <summary>Parses <paramref name="rawRoute"/> under <paramref name="basePath"/> (always <c>/</c> since Spin 3).</summary>
    /// <exception cref="FormatException">An empty parameter name or a wildcard that is not last.</exception>
    public static RoutePattern Parse(string rawRoute, string basePath = "/")
    {
        ArgumentNullException.ThrowIfNull(rawRoute);
        ArgumentNullException.ThrowIfNull(basePath);
        var based = StripOneSlash(basePath) + StripOneSlash(rawRoute.StartsWith('/') ? rawRoute : "/" + rawRoute);
        string spec;
        string prefix;
        bool wildcard;
        if (based.EndsWith("/...", StringComparison.Ordinal))
        {
            prefix = based[..^4];
            spec = prefix + "/*";
            wildcard = true;
        }
        else if (based.EndsWith("/*", StringComparison.Ordinal))
        {
            prefix = based[..^2];
            spec = based;
            wildcard = true;
        }
        else
        {
            prefix = based;
            spec = based;
            wildcard = false;
        }

        return new RoutePattern(rawRoute, based, prefix, wildcard, ParseSegments(spec, rawRoute));
    }

    private static string StripOneSlash(string s) => s.EndsWith('/') ? s[..^1] : s;

    private static RouteSegment[] ParseSegments(string spec, string raw)
    {
        var text = spec.TrimStart('/');
        var segments = new List<RouteSegment>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var part = current.ToString();
            current.Clear();
            if (part.StartsWith(':'))
            {
                if (part.Length == 1)
                {
                    throw new FormatException($"route \"{raw}\": a parameter needs a name after ':'");
                }

                segments.Add(new RouteSegment(RouteSegmentKind.Param, part[1..]));
            }
            else if (part == "*")
            {
                segments.Add(new RouteSegment(RouteSegmentKind.Wildcard, ""));
            }
            else
            {
                segments.Add(new RouteSegment(RouteSegmentKind.Exact, part));
            }
        }

        foreach (var c in text)
        {
            if (c is '/' or '.')
            {
                Flush();
                segments.Add(new RouteSegment(c == '/' ? RouteSegmentKind.Slash : RouteSegmentKind.Dot, c.ToString()));
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i].Kind == RouteSegmentKind.Wildcard)
            {
                throw new FormatException($"route \"{raw}\": a wildcard is only allowed at the end of a route");
            }
        }

        return [.. segments];
    }

    /// <summary>
    /// Matches a request path (raw, percent-encoded, no query). Leading and trailing slashes of the path
    /// are ignored. Returns false when it does not match.
    /// </summary>
    internal bool TryMatch(string path, List<KeyValuePair<string, string>> parameters, out string? wildcard)
    {
        wildcard = null;
        var p = path.AsSpan().Trim('/');
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case RouteSegmentKind.Exact:
                    if (!p.StartsWith(segment.Text, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    p = p[segment.Text.Length..];
                    break;
                case RouteSegmentKind.Slash:
                case RouteSegmentKind.Dot:
                    if (p.IsEmpty && segment.Kind == RouteSegmentKind.Slash && i + 1 < _segments.Length && _segments[i + 1].Kind == RouteSegmentKind.Wildcard)
                    {
                        break;
                    }

                    if (p.IsEmpty || p[0] != segment.Text[0])
                    {
                        return false;
                    }

                    p = p[1..];
                    break;
                case RouteSegmentKind.Param:
                    {
                        var nextIsDot = i + 1 < _segments.Length && _segments[i + 1].Kind == RouteSegmentKind.Dot;
                        var end = nextIsDot ? p.IndexOfAny('/', '.') : p.IndexOf('/');
                        if (end < 0)
                        {
                            end = p.Length;
                        }

                        if (end == 0)
                        {
                            return false;
                        }

                        parameters.Add(new(segment.Text, p[..end].ToString()));
                        p = p[end..];
                        break;
                    }

                case RouteSegmentKind.Wildcard:
                    wildcard = p.ToString();
                    p = [];
                    break;
            }
        }

        return p.IsEmpty;
    }

    /// <summary>
    /// Precedence (routefinder 0.5 <c>Ord</c>; spec §2.3): segment by segment from the left, Exact &gt;
    /// Param &gt; Wildcard; on a tie more dots first, then the shorter pattern first. Negative when
    /// <paramref name="a"/> is tried first.
    /// </summary>
    internal static int ComparePrecedence(RoutePattern a, RoutePattern b)
    {
        var n = Math.Min(a._segments.Length, b._segments.Length);
        for (var i = 0; i < n; i++)
        {
            var diff = b._segments[i].Rank - a._segments[i].Rank;
            if (diff != 0)
            {
                return diff;
            }
        }

        var dots = b.DotCount - a.DotCount;
        return dots != 0 ? dots : a._segments.Length - b._segments.Length;
    }

    /// <inheritdoc/>
    public override string ToString() => RawRoute;
}
