namespace NomadWasm.Driver.Events;

/// <summary>A task event for Nomad's TaskEvents stream (shown as a "Driver" task event).</summary>
internal sealed record DriverEvent(
    string TaskId,
    string AllocId,
    string TaskName,
    DateTimeOffset Timestamp,
    string Message,
    IReadOnlyDictionary<string, string> Annotations);
