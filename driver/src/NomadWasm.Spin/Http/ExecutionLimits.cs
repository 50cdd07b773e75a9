namespace NomadWasm.Spin.Http;

/// <summary>Per-request resource limits.</summary>
/// <param name="RequestTimeout">Guest deadline; the guest is interrupted and the request gets 500. Null = none (Spin's default, spec §2.8).</param>
/// <param name="MaxMemoryPages">Linear-memory cap per instance in 64 KiB pages; null = the module's own maximum.</param>
internal sealed record ExecutionLimits(TimeSpan? RequestTimeout = null, uint? MaxMemoryPages = null)
{
    public static ExecutionLimits None { get; } = new();
}
