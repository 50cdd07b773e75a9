namespace NomadWasm.Spin.Routing;

/// <summary>The kinds of route segment (routefinder 0.5 <c>Segment</c>).</summary>
internal enum RouteSegmentKind
{
    /// <summary><c>/</c>.</summary>
    Slash,

    /// <summary><c>.</c> (also a separator in patterns).</summary>
    Dot,

    /// <summary>Literal text.</summary>
    Exact,

    /// <summary><c>:name</c>: one non-empty segment.</summary>
    Param,

    /// <summary>Trailing <c>*</c> (Spin's <c>/...</c>): the rest of the path, possibly empty.</summary>
    Wildcard,
}

/// <summary>One parsed segment; <see cref="Text"/> is the literal or the parameter name.</summary>
internal readonly record struct RouteSegment(RouteSegmentKind Kind, string Text)
{
    /// <summary>Specificity rank used for ordering: Exact &gt; Param &gt; Wildcard &gt; separators.</summary>
    public int Rank => Kind switch
    {
        RouteSegmentKind.Exact => 3,
        RouteSegmentKind.Param => 2,
        RouteSegmentKind.Wildcard => 1,
        _ => 0,
    };
}
