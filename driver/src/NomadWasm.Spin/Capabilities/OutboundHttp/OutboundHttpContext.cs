using NomadWasm.Spin.Http;
using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Capabilities.OutboundHttp;

/// <summary>What the outbound HTTP host function needs from the component and the app.</summary>
internal sealed class OutboundHttpContext
{
    public OutboundHttpContext(string componentId, AllowedOutboundHosts allowedHosts, HttpClient client, IRuntimeLog log)
    {
        ComponentId = componentId;
        AllowedHosts = allowedHosts;
        Client = client;
        Log = log;
    }

    public string ComponentId { get; }

    public AllowedOutboundHosts AllowedHosts { get; }

    public HttpClient Client { get; }

    public IRuntimeLog Log { get; }

    /// <summary>
    /// The app's own listener (<c>http://127.0.0.1:3000</c>) for self requests (relative URLs and
    /// host <c>self.alt</c>, spec §2.10); null until the listener is bound.
    /// </summary>
    public Func<Uri?> SelfBaseUri { get; init; } = static () => null;

    /// <summary>
    /// In-process dispatch of <c>http://&lt;component-id&gt;.spin.internal/...</c> requests
    /// (service chaining, spec §2.10); null when unavailable.
    /// </summary>
    public Func<string, GuestHttpRequest, GuestHttpResponse?>? ServiceChain { get; init; }
}
