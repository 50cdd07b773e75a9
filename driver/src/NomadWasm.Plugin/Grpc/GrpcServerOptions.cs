namespace NomadWasm.Plugin.Grpc;

/// <summary>Limits of the gRPC server on the plugin socket.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>
    /// Concurrent HTTP/2 streams per connection. Nomad keeps several long-lived streams per task on one connection
    /// (spec §15 item 14); Kestrel's default of 100 would make new calls wait.
    /// </summary>
    public int MaxConcurrentStreams { get; set; } = 10_000;

    /// <summary>Largest request message accepted (a Go plugin server accepts 4 MiB; spec §15 item 15).</summary>
    public int MaxReceiveMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How long stopping waits for in-flight calls before the connections are aborted.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(1);
}
