using System.Net;
using System.Text;
using NomadWasm.Spin.Http;
using NomadWasm.Spin.Http.Wagi;

namespace NomadWasm.Spin.Tests.Http.Wagi;

public sealed class WagiEnvironmentTests
{
    [Fact]
    public void Build_WorkedExample_HasTheSpecTable()
    {
        var request = new GuestHttpRequest
        {
            Method = "POST",
            Host = "example.com:8080",
            Path = "/users/1/cart/items/3/ed%20it",
            Query = "theme=pink",
            Client = new IPEndPoint(IPAddress.Loopback, 53152),
            Headers = [new("host", "example.com:8080"), new("content-type", "text/plain"), new("authorization", "secret"), new("connection", "keep-alive"), new("x-custom-thing", "v")],
            Body = Encoding.UTF8.GetBytes("hello"),
        };
        var route = new HttpRouteContext("/users/:userid/cart/...", "/users/:userid/cart/...", "/items/3/ed%20it", [new("userid", "1")]);

        var env = WagiEnvironment.Build([new("GREETING", "hi")], request, route);

        Assert.Equal(new KeyValuePair<string, string>("GREETING", "hi"), env[0]); // component environment first
        var map = env.ToDictionary(e => e.Key, e => e.Value);
        var expected = new Dictionary<string, string>
        {
            ["AUTH_TYPE"] = "",
            ["REMOTE_USER"] = "",
            ["CONTENT_LENGTH"] = "5",
            ["CONTENT_TYPE"] = "",
            ["GATEWAY_INTERFACE"] = "CGI/1.1",
            ["SERVER_SOFTWARE"] = "WAGI/1",
            ["SERVER_PROTOCOL"] = "HTTP/1.1",
            ["SERVER_NAME"] = "example.com",
            ["SERVER_PORT"] = "8080",
            ["REQUEST_METHOD"] = "POST",
            ["QUERY_STRING"] = "theme=pink",
            ["REMOTE_ADDR"] = "127.0.0.1",
            ["REMOTE_HOST"] = "127.0.0.1",
            ["SCRIPT_NAME"] = "/users/:userid/cart",
            ["PATH_INFO"] = "/items/3/ed%20it",
            ["X_RAW_PATH_INFO"] = "/items/3/ed%20it",
            ["PATH_TRANSLATED"] = "/items/3/ed it",
            ["X_FULL_URL"] = "http://example.com:8080/users/1/cart/items/3/ed%20it?theme=pink",
            ["X_MATCHED_ROUTE"] = "/users/:userid/cart/...",
            ["X_RAW_COMPONENT_ROUTE"] = "/users/:userid/cart/...",
            ["X_COMPONENT_ROUTE"] = "/users/:userid/cart",
            ["X_BASE_PATH"] = "/",
            ["X_CLIENT_ADDR"] = "127.0.0.1:53152",
            ["X_PATH_MATCH_USERID"] = "1",
            ["HTTP_HOST"] = "example.com:8080",
            ["HTTP_CONTENT_TYPE"] = "text/plain",
            ["HTTP_X_CUSTOM_THING"] = "v",
        };
        foreach (var (name, value) in expected)
        {
            Assert.True(map.ContainsKey(name), $"missing {name}");
            Assert.Equal(value, map[name]);
        }

        Assert.DoesNotContain("HTTP_AUTHORIZATION", map.Keys);
        Assert.DoesNotContain("HTTP_CONNECTION", map.Keys);
    }

    [Theory]
    [InlineData(null, "localhost", "80")]
    [InlineData("", "localhost", "80")]
    [InlineData("example.com", "example.com", "80")]
    [InlineData("example.com:8080", "example.com", "8080")]
    [InlineData(":9000", "localhost", "9000")]
    public void ServerNameAndPort_SplitsHostHeader(string? host, string name, string port) =>
        Assert.Equal((name, port), WagiEnvironment.ServerNameAndPort(host));
}
