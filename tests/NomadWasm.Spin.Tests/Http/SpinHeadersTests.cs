using System.Net;
using NomadWasm.Spin.Http;

namespace NomadWasm.Spin.Tests.Http;

public sealed class SpinHeadersTests
{
    // spin-semantics.md §2.5 worked example.
    private static readonly GuestHttpRequest WorkedRequest = new()
    {
        Method = "GET",
        Host = "example.com:8080",
        Path = "/users/1/cart/items/3/edit",
        Query = "theme=pink",
        Client = new IPEndPoint(IPAddress.Loopback, 53152),
    };

    private static readonly HttpRouteContext WorkedRoute = new(
        "/users/:userid/cart/...", "/users/:userid/cart/...", "/items/3/edit", [new("userid", "1")]);

    [Fact]
    public void AppendTo_WorkedExample_ProducesExactlyTheSpecHeaders()
    {
        var headers = new List<KeyValuePair<string, string>>();

        SpinHeaders.AppendTo(headers, WorkedRequest, WorkedRoute);

        var expected = new Dictionary<string, string>
        {
            ["spin-full-url"] = "http://example.com:8080/users/1/cart/items/3/edit?theme=pink",
            ["spin-path-info"] = "/items/3/edit",
            ["spin-matched-route"] = "/users/:userid/cart/...",
            ["spin-raw-component-route"] = "/users/:userid/cart/...",
            ["spin-component-route"] = "/users/:userid/cart",
            ["spin-base-path"] = "/",
            ["spin-client-addr"] = "127.0.0.1:53152",
            ["spin-path-match-userid"] = "1",
        };
        Assert.Equal(expected.Count, headers.Count);
        foreach (var (name, value) in headers)
        {
            Assert.Equal(expected[name], value);
        }
    }

    [Theory]
    [InlineData("/...", "")]
    [InlineData("/users/:userid/cart/...", "/users/:userid/cart")]
    [InlineData("/exact", "/exact")]
    [InlineData("/", "/")]
    public void ComponentRouteOf_StripsOnlyTrailingWildcard(string raw, string expected) =>
        Assert.Equal(expected, HttpRouteContext.ComponentRouteOf(raw));

    [Theory]
    [InlineData("path_segment", "path-segment", "PATH_SEGMENT")]
    [InlineData("userid", "userid", "USERID")]
    [InlineData("CamelCase", "camelcase", "CAMELCASE")]
    public void ParameterNames_FollowSpinCaseRules(string name, string headerSuffix, string envSuffix)
    {
        Assert.Equal(headerSuffix, SpinHeaders.ParameterSuffix(name));
        Assert.Equal(envSuffix, SpinHeaders.ParameterEnvSuffix(name));
    }

    [Fact]
    public void FullUrlOf_NoHostHeader_UsesLocalhost()
    {
        var request = new GuestHttpRequest { Method = "GET", Path = "/a", Query = "b=c" };
        Assert.Equal("http://localhost/a?b=c", SpinHeaders.FullUrlOf(request));
    }

    [Theory]
    [InlineData("::1", 8080, "[::1]:8080")]
    [InlineData("::ffff:10.1.2.3", 9, "10.1.2.3:9")]
    [InlineData("192.168.0.1", 1, "192.168.0.1:1")]
    public void ClientAddrOf_FormatsLikeRustSocketAddr(string ip, int port, string expected) =>
        Assert.Equal(expected, SpinHeaders.ClientAddrOf(new IPEndPoint(IPAddress.Parse(ip), port)));
}
