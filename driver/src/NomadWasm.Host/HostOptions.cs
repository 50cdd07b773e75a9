namespace NomadWasm.Host;

/// <summary>Settings of the Kestrel listener in front of a Spin app (see README.md for the CLI flags).</summary>
internal sealed record HostOptions
{
    /// <summary><c>--listen</c>: where to serve; default <c>127.0.0.1:3000</c>.</summary>
    public string Listen { get; init; } = ListenAddress.Default;

    /// <summary>Largest request body accepted (bodies are buffered for the guest); default 64 MiB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>When false, per-request log lines are not written.</summary>
    public bool LogRequests { get; init; } = true;
}
