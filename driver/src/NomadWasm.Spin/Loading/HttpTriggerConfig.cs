namespace NomadWasm.Spin.Loading;

/// <summary>One <c>[[trigger.http]]</c> entry (spec §1.5).</summary>
/// <param name="Id">The trigger id (given, or assigned by normalization).</param>
/// <param name="Route">The route exactly as written in the manifest; null for a private endpoint (<c>route = { private = true }</c>).</param>
/// <param name="ComponentId">The component handling the route; null when the trigger is a <see cref="StaticResponse"/>.</param>
/// <param name="Executor">Which executor runs the component.</param>
/// <param name="Wagi">The Wagi settings when <paramref name="Executor"/> is <see cref="HttpExecutorKind.Wagi"/>, else null.</param>
public sealed record HttpTriggerConfig(
    string Id,
    string? Route,
    string? ComponentId,
    HttpExecutorKind Executor,
    WagiConfig? Wagi)
{
    /// <summary>The static response served instead of a component (<c>static_response</c>), or null.</summary>
    public StaticResponse? StaticResponse { get; init; }

    /// <summary>True when the route is <c>{ private = true }</c> (reachable only by service chaining).</summary>
    public bool IsPrivate => Route is null;
}
