using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NomadWasm.Spin.Http;

/// <summary>
/// The <c>spin-*</c> request headers Spin adds after the client's headers for the <c>http</c>
/// executor (spec §2.5, crates/trigger-http/src/headers.rs). The Wagi executor exposes the same
/// values as <c>X_*</c> environment variables (spec §3a).
/// </summary>
/// <remarks>
/// Worked example (spec §2.5): route <c>/users/:userid/cart/...</c>, request
/// <c>GET /users/1/cart/items/3/edit?theme=pink</c>, <c>Host: example.com:8080</c>, client 127.0.0.1:53152 →
/// <code>
/// spin-full-url: http://example.com:8080/users/1/cart/items/3/edit?theme=pink
/// spin-path-info: /items/3/edit
/// spin-matched-route: /users/:userid/cart/...
/// spin-base-path: /
/// spin-raw-component-route: /users/:userid/cart/...
/// spin-component-route: /users/:userid/cart
/// spin-client-addr: 127.0.0.1:53152
/// spin-path-match-userid: 1
/// </code>
/// </remarks>
internal static class SpinHeaders
{
    public const string FullUrl = "spin-full-url";
    public const string PathInfo = "spin-path-info";
    public const string MatchedRoute = "spin-matched-route";
    public const string BasePath = "spin-base-path";
    public const string RawComponentRoute = "spin-raw-component-route";
    public const string ComponentRoute = "spin-component-route";
    public const string ClientAddr = "spin-client-addr";
    public const string PathMatchPrefix = "spin-path-match-";

    /// <summary>Spin 3.x has no base path any more (spec §2.4): always <c>/</c>.</summary>
    public const string BasePathValue = "/";

    /// <summary>Appends the <c>spin-*</c> headers for <paramref name="request"/> matched by <paramref name="route"/>.</summary>
    public static void AppendTo(List<KeyValuePair<string, string>> headers, GuestHttpRequest request, HttpRouteContext route)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);

        headers.Add(new(FullUrl, FullUrlOf(request)));
        headers.Add(new(PathInfo, route.PathInfo));
        headers.Add(new(MatchedRoute, route.MatchedRoute));
        headers.Add(new(BasePath, BasePathValue));
        headers.Add(new(RawComponentRoute, route.RawRoute));
        headers.Add(new(ComponentRoute, route.ComponentRoute));
        if (request.Client is not null)
        {
            headers.Add(new(ClientAddr, ClientAddrOf(request.Client)));
        }

        foreach (var (name, value) in route.Parameters)
        {
            headers.Add(new(PathMatchPrefix + ParameterSuffix(name), value));
        }
    }

    /// <summary><c>scheme://host/path?query</c>; the host is <c>localhost</c> when the request has no <c>Host</c>.</summary>
    public static string FullUrlOf(GuestHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = string.IsNullOrEmpty(request.Host) ? "localhost" : request.Host;
        return string.Concat(request.Scheme, "://", host, request.PathAndQuery);
    }

    /// <summary><c>ip:port</c>, or <c>[v6]:port</c>; IPv4-mapped IPv6 addresses are shown as IPv4.</summary>
    public static string ClientAddrOf(IPEndPoint client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var address = client.Address.IsIPv4MappedToIPv6 ? client.Address.MapToIPv4() : client.Address;
        var port = client.Port.ToString(CultureInfo.InvariantCulture);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? string.Concat("[", address.ToString(), "]:", port)
            : string.Concat(address.ToString(), ":", port);
    }

    /// <summary>
    /// The header-name suffix for a <c>:name</c> parameter: Spin builds <c>SPIN_PATH_MATCH_&lt;NAME&gt;</c>
    /// (upper-cased) and lower-cases it with <c>_</c>→<c>-</c>, so <c>:path_segment</c> → <c>path-segment</c>.
    /// </summary>
    public static string ParameterSuffix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant().ToLowerInvariant().Replace('_', '-');
    }

    /// <summary>The Wagi variable-name suffix for a parameter: <c>:path_segment</c> → <c>PATH_SEGMENT</c>.</summary>
    public static string ParameterEnvSuffix(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant().Replace('-', '_');
    }
}
