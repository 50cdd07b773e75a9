using System.Globalization;
using System.Net;

namespace NomadWasm.Spin.Http.Wagi;

/// <summary>
/// The CGI environment of a Wagi request (spec §3a table; crates/http/src/wagi/mod.rs with Spin's
/// overrides): the component's own <c>environment</c> entries first, then the CGI variables, the
/// <c>X_*</c> copies of the <c>spin-*</c> headers, and one <c>HTTP_*</c> per client header.
/// Duplicates are possible, as in Spin.
/// </summary>
internal static class WagiEnvironment
{
    public static List<KeyValuePair<string, string>> Build(
        IEnumerable<KeyValuePair<string, string>> componentEnvironment,
        GuestHttpRequest request,
        HttpRouteContext route)
    {
        ArgumentNullException.ThrowIfNull(componentEnvironment);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);

        var env = new List<KeyValuePair<string, string>>(componentEnvironment);
        var (serverName, serverPort) = ServerNameAndPort(request.Host);
        var remote = request.Client is null ? "" : RemoteAddress(request.Client.Address);

        env.Add(new("AUTH_TYPE", ""));
        env.Add(new("CONTENT_LENGTH", request.Body.Length.ToString(CultureInfo.InvariantCulture)));
        // Spin looks the content type up under the literal header name CONTENT_TYPE, which never
        // matches a real Content-Type header: the value is always empty (spec §3a, §9 item 2).
        env.Add(new("CONTENT_TYPE", ""));
        env.Add(new("GATEWAY_INTERFACE", "CGI/1.1"));
        env.Add(new("SERVER_SOFTWARE", "WAGI/1"));
        env.Add(new("SERVER_PROTOCOL", request.Protocol));
        env.Add(new("SERVER_NAME", serverName));
        env.Add(new("SERVER_PORT", serverPort));
        env.Add(new("REQUEST_METHOD", request.Method));
        env.Add(new("QUERY_STRING", request.Query));
        env.Add(new("REMOTE_ADDR", remote));
        env.Add(new("REMOTE_HOST", remote));
        env.Add(new("REMOTE_USER", ""));
        env.Add(new("SCRIPT_NAME", route.ComponentRoute));
        env.Add(new("PATH_INFO", route.PathInfo));
        env.Add(new("X_RAW_PATH_INFO", route.PathInfo));
        env.Add(new("PATH_TRANSLATED", Uri.UnescapeDataString(route.PathInfo)));
        env.Add(new("X_FULL_URL", SpinHeaders.FullUrlOf(request)));
        env.Add(new("X_MATCHED_ROUTE", route.MatchedRoute));
        env.Add(new("X_RAW_COMPONENT_ROUTE", route.RawRoute));
        env.Add(new("X_COMPONENT_ROUTE", route.ComponentRoute));
        env.Add(new("X_BASE_PATH", SpinHeaders.BasePathValue));
        if (request.Client is not null)
        {
            env.Add(new("X_CLIENT_ADDR", SpinHeaders.ClientAddrOf(request.Client)));
        }

        foreach (var (name, value) in route.Parameters)
        {
            env.Add(new("X_PATH_MATCH_" + SpinHeaders.ParameterEnvSuffix(name), value));
        }

        foreach (var (name, value) in request.Headers)
        {
            var key = "HTTP_" + name.ToUpperInvariant().Replace('-', '_');
            if (key is "HTTP_AUTHORIZATION" or "HTTP_CONNECTION")
            {
                continue; // RFC 3875 §4.1.18: never passed to the script
            }

            env.Add(new(key, value));
        }

        return env;
    }

    /// <summary>
    /// SERVER_NAME and SERVER_PORT from the <c>Host</c> header (split at the first <c>:</c>);
    /// <c>localhost</c> and <c>80</c> when absent.
    /// </summary>
    public static (string Name, string Port) ServerNameAndPort(string? host)
    {
        var name = "localhost";
        var port = "80";
        if (!string.IsNullOrEmpty(host))
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            var hostPart = colon < 0 ? host : host[..colon];
            var portPart = colon < 0 ? "" : host[(colon + 1)..];
            if (hostPart.Length > 0)
            {
                name = hostPart;
            }

            if (portPart.Length > 0)
            {
                port = portPart;
            }
        }

        return (name, port);
    }

    private static string RemoteAddress(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
