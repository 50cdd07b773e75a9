using System.Net.Http.Headers;
using NomadWasm.Spin.Capabilities.Abi;
using NomadWasm.Spin.Http;
using NomadWasm.Spin.Http.InboundHttp;

namespace NomadWasm.Spin.Capabilities.OutboundHttp;

/// <summary>
/// Host side of the Spin 1.x <c>wasi-outbound-http</c> import (<c>fermyon:spin/http.send-request</c>,
/// spec §3b, §4.3):
/// <code>
/// request(method, uri ptr, uri len, headers ptr, headers len, params ptr, params len,
///         body tag, body ptr, body len, ret)
/// ret (32 bytes, align 4): 0 tag (0 ok / 1 err)
///   ok:  4 status u16 | 8 headers? u8, 12 ptr, 16 count | 20 body? u8, 24 ptr, 28 len
///   err: 4 http-error: success=0 destination-not-allowed=1 invalid-url=2 request-error=3
///        runtime-error=4 too-many-requests=5
/// </code>
/// The destination must be allowed by <c>allowed_outbound_hosts</c>; relative URLs are self
/// requests to the app's own listener. Bodies are buffered; redirects are not followed (each hop
/// would need its own permission check).
/// </summary>
internal static class OutboundHttpHost
{
    public const string Module = "wasi-outbound-http";

    private const byte DestinationNotAllowed = 1;
    private const byte InvalidUrl = 2;
    private const byte RequestError = 3;
    private const byte RuntimeError = 4;

    public static void Request(IGuestMemory memory, OutboundHttpContext context, ReadOnlySpan<int> args)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(context);
        var ret = (uint)args[10];
        var method = InboundHttpAbi.MethodName((uint)args[0]);
        var uriText = GuestAbi.ReadString(memory, (uint)args[1], (uint)args[2]);
        var headers = GuestAbi.ReadPairs(memory, (uint)args[3], (uint)args[4]);
        var body = args[7] != 0 ? GuestAbi.ReadBytes(memory, (uint)args[8], (uint)args[9]) : null;

        if (method is null)
        {
            Error(memory, ret, RequestError);
            return;
        }

        var target = Resolve(context, uriText, out var error);
        if (target is null)
        {
            Error(memory, ret, error);
            return;
        }

        GuestHttpResponse response;
        try
        {
            response = Send(context, method, target, headers, body);
        }
        catch (HttpRequestException e)
        {
            context.Log.Error($"{context.ComponentId}: outbound http {method} {target}: {e.Message}");
            Error(memory, ret, RequestError);
            return;
        }
        catch (TaskCanceledException e)
        {
            context.Log.Error($"{context.ComponentId}: outbound http {method} {target}: timed out ({e.Message})");
            Error(memory, ret, RuntimeError);
            return;
        }

        WriteResponse(memory, ret, response);
    }

    /// <summary>Checks the URL against the allow-list; null with the guest error when refused.</summary>
    internal static Uri? Resolve(OutboundHttpContext context, string text, out byte error)
    {
        error = 0;
        if (text.StartsWith('/'))
        {
            var self = context.SelfBaseUri();
            if (!context.AllowedHosts.AllowsSelf("http") || self is null)
            {
                Deny(context, text, "add \"http://self\" to allowed_outbound_hosts");
                error = DestinationNotAllowed;
                return null;
            }

            return new Uri(self, text);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = InvalidUrl;
            return null;
        }

        if (!context.AllowedHosts.IsAllowed(uri))
        {
            Deny(context, text, $"add \"{uri.Scheme}://{uri.Authority}\" to allowed_outbound_hosts");
            error = DestinationNotAllowed;
            return null;
        }

        if (string.Equals(uri.Host, "self.alt", StringComparison.OrdinalIgnoreCase))
        {
            var self = context.SelfBaseUri();
            if (self is null)
            {
                error = DestinationNotAllowed;
                return null;
            }

            return new Uri(self, uri.PathAndQuery);
        }

        return uri;
    }

    private static void Deny(OutboundHttpContext context, string url, string hint) =>
        context.Log.Error($"{context.ComponentId}: outbound http to '{url}' is not allowed; {hint}");

    private static GuestHttpResponse Send(OutboundHttpContext context, string method, Uri target, List<KeyValuePair<string, string>> headers, byte[]? body)
    {
        const string internalSuffix = ".spin.internal";
        if (context.ServiceChain is not null && target.Host.EndsWith(internalSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var componentId = target.Host[..^internalSuffix.Length];
            var chained = context.ServiceChain(componentId, new GuestHttpRequest
            {
                Method = method,
                Host = target.Authority,
                Path = target.AbsolutePath,
                Query = target.Query.TrimStart('?'),
                Headers = headers,
                Body = body ?? [],
            });
            return chained ?? throw new HttpRequestException($"no component '{componentId}' for service chaining");
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = context.Client.Send(request, HttpCompletionOption.ResponseContentRead);
        var responseHeaders = new List<KeyValuePair<string, string>>();
        AddHeaders(responseHeaders, response.Headers);
        AddHeaders(responseHeaders, response.Content.Headers);
        using var stream = response.Content.ReadAsStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new GuestHttpResponse((int)response.StatusCode, responseHeaders, buffer.ToArray());
    }

    private static void AddHeaders(List<KeyValuePair<string, string>> into, HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                into.Add(new(name.ToLowerInvariant(), value));
            }
        }
    }

    private static void WriteResponse(IGuestMemory memory, uint ret, GuestHttpResponse response)
    {
        var (headers, headerCount) = GuestAbi.WritePairs(memory, response.Headers);
        var (body, bodyLength) = GuestAbi.WriteBytes(memory, response.Body.Span);
        memory.Slice(ret, 32).Clear();
        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteU16(memory, ret + 4, (ushort)response.Status);
        GuestAbi.WriteU8(memory, ret + 8, 1);
        GuestAbi.WriteU32(memory, ret + 12, headers);
        GuestAbi.WriteU32(memory, ret + 16, headerCount);
        GuestAbi.WriteU8(memory, ret + 20, 1);
        GuestAbi.WriteU32(memory, ret + 24, body);
        GuestAbi.WriteU32(memory, ret + 28, bodyLength);
    }

    private static void Error(IGuestMemory memory, uint ret, byte error)
    {
        GuestAbi.WriteU8(memory, ret, 1);
        GuestAbi.WriteU8(memory, ret + 4, error);
    }
}
