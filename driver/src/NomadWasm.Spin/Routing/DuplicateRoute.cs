namespace NomadWasm.Spin.Routing;

/// <summary>A route declared more than once; only the last declaration is used (spec §2.3).</summary>
/// <param name="Route">The duplicated route as written (<c>/</c> for the root route).</param>
/// <param name="ReplacedTriggerId">The trigger whose route will never be used.</param>
/// <param name="EffectiveTriggerId">The trigger that handles the route.</param>
public sealed record DuplicateRoute(string Route, string ReplacedTriggerId, string EffectiveTriggerId);
