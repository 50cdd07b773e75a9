namespace NomadWasm.Spin.Loading;

/// <summary>One <c>[[trigger.redis]]</c> entry (spec §1.5); loaded and validated, not yet served.</summary>
/// <param name="Id">The trigger id.</param>
/// <param name="ComponentId">The component handling messages.</param>
/// <param name="Channel">The channel template (may contain <c>{{ var }}</c>).</param>
/// <param name="Address">The server address template: the trigger's own, else <c>[application.trigger.redis] address</c>.</param>
public sealed record RedisTriggerConfig(string Id, string ComponentId, string Channel, string Address);
