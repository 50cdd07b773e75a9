using Microsoft.AspNetCore.Http;

namespace NomadWasm.Plugin.Grpc;

/// <summary>What a handler knows about its call: the method, the deadline, cancellation and request headers.</summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _httpContext;

    internal ServerCallContext(HttpContext httpContext, string method, DateTime? deadline, CancellationToken cancellationToken)
    {
        _httpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method path, e.g. <c>/hashicorp.nomad.plugins.drivers.proto.Driver/StartTask</c>.</summary>
    public string Method { get; }

    /// <summary>The UTC deadline from <c>grpc-timeout</c>, or null when the client set none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>
    /// Fires when the client cancels (RST_STREAM), the deadline passes, or the plugin shuts down.
    /// Long-lived handlers (WaitTask, Fingerprint, TaskEvents, TaskStats) must end when it fires.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of a request header (lower-case name), or null; several values are joined with commas.</summary>
    public string? GetRequestHeader(string name)
    {
        var values = _httpContext.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    /// <summary>Every request header, HTTP/2 pseudo-headers excluded.</summary>
    public IEnumerable<KeyValuePair<string, string>> RequestHeaders
    {
        get
        {
            foreach (var header in _httpContext.Request.Headers)
            {
                if (!header.Key.StartsWith(':'))
                {
                    yield return new KeyValuePair<string, string>(header.Key, header.Value.ToString());
                }
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> after the response, trailers included, has been handed to the client.</summary>
    internal void OnCompleted(Action callback) =>
        _httpContext.Response.OnCompleted(static state =>
        {
            ((Action)state).Invoke();
            return Task.CompletedTask;
        }, callback);
}
