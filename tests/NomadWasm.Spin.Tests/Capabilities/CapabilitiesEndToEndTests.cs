using System.Net;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Capabilities;

/// <summary>
/// Every legacy host interface end to end through jobs/spin-capabilities-c: variables, key-value
/// (SQLite under the state dir), outbound HTTP to a local Kestrel server, outbound Redis to a
/// real redis-server, and the stubbed interfaces. One component has the permissions, one has none.
/// </summary>
public sealed class CapabilitiesEndToEndTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private readonly EchoServer _echo = new();
    private AppHarness _app = null!;

    public CapabilitiesEndToEndTests(RedisServerFixture redis) => _redis = redis;

    public async Task InitializeAsync()
    {
        await _echo.InitializeAsync();
        var manifest = $$$"""
            spin_manifest_version = 2

            [application]
            name = "capabilities"

            [variables]
            target = { default = "world" }
            secret_word = { required = true }

            [[trigger.http]]
            route = "/allowed/..."
            component = "allowed"

            [[trigger.http]]
            route = "/denied/..."
            component = "denied"

            [component.allowed]
            source = "capabilities.wasm"
            allowed_outbound_hosts = ["{{{_echo.BaseUri.GetLeftPart(UriPartial.Authority)}}}", "redis://127.0.0.1:{{{_redis.Port}}}"]
            key_value_stores = ["default"]
            environment = { APP_MODE = "demo" }
            files = [{ source = "static", destination = "/static" }]

            [component.allowed.variables]
            greeting = "Hello, {{ target }}!"
            secret = "{{ secret_word }}"

            [component.denied]
            source = "capabilities.wasm"
            """;
        _app = await AppHarness.StartAsync(
            manifest,
            new Dictionary<string, string>
            {
                [RepoPaths.Jobs("spin-capabilities-c", "capabilities.wasm")] = "capabilities.wasm",
                [RepoPaths.Jobs("spin-capabilities-c", "static")] = "static",
            },
            o => o with { Variables = ["secret_word=swordfish"], Environment = [new("EXTRA", "from-cli")] });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Theory]
    [InlineData("/allowed/config/greeting", "value=Hello, world!")]
    [InlineData("/allowed/config/secret", "value=swordfish")]
    [InlineData("/allowed/config/nothing", "error=0")] // undefined → provider (spec §4.2 mapping)
    [InlineData("/allowed/config/Bad-Name", "error=1")] // invalid-name → invalid-key
    [InlineData("/denied/config/greeting", "error=0")]
    public async Task Config_GetsComponentVariables(string path, string expectedPrefix) =>
        Assert.StartsWith(expectedPrefix, await _app.Client.GetStringAsync(path), StringComparison.Ordinal);

    [Fact]
    public async Task KeyValue_RoundTripsThroughTheDefaultStoreOnDisk()
    {
        Assert.Equal("ok", await Send(HttpMethod.Post, "/allowed/kv/default/set/color", "blue"));
        Assert.Equal("value=blue", await _app.Client.GetStringAsync("/allowed/kv/default/get/color"));
        Assert.Equal("exists=true", await _app.Client.GetStringAsync("/allowed/kv/default/exists/color"));
        Assert.Contains("color", await _app.Client.GetStringAsync("/allowed/kv/default/keys"), StringComparison.Ordinal);
        Assert.Equal("ok", await _app.Client.GetStringAsync("/allowed/kv/default/delete/color"));
        Assert.Equal("error=4", await _app.Client.GetStringAsync("/allowed/kv/default/get/color")); // no-such-key
        Assert.True(File.Exists(Path.Combine(_app.Directory, ".spin", "sqlite_key_value.db")));
    }

    [Fact]
    public async Task KeyValue_WithoutPermission_IsAccessDenied() =>
        Assert.Equal("open error=2", await _app.Client.GetStringAsync("/denied/kv/default/get/x"));

    [Fact]
    public async Task OutboundHttp_AllowedHost_IsReallySent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/allowed/http") { Content = new StringContent("ping") };
        request.Headers.Add("x-target-url", new Uri(_echo.BaseUri, "/hello").ToString());
        request.Headers.Add("x-target-method", "POST");

        var body = await (await _app.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("status=200\nx-server=echo\nbody=POST /hello from-guest=yes body=ping", body);
    }

    [Fact]
    public async Task OutboundHttp_NotInAllowList_IsDestinationNotAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/denied/http");
        request.Headers.Add("x-target-url", new Uri(_echo.BaseUri, "/hello").ToString());

        Assert.Equal("error=1", await (await _app.Client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.True(await _app.WaitForLogAsync("is not allowed"), _app.Stderr.Text);
    }

    [Fact]
    public async Task OutboundHttp_InvalidUrl_IsInvalidUrl()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/allowed/http");
        request.Headers.Add("x-target-url", "not a url");

        Assert.Equal("error=2", await (await _app.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Redis_CommandsRunAgainstRealRedis()
    {
        var key = "k" + Guid.NewGuid().ToString("N");
        Assert.Equal("ok", await Redis("set", key, "v1"));
        Assert.Equal("value=v1", await Redis("get", key));
        Assert.Equal("value=1", await Redis("incr", key + "n"));
        Assert.Equal("value=2", await Redis("incr", key + "n"));
        Assert.Equal("value=2", await Redis("sadd", key + "s", "a\nb"));
        var members = (await Redis("smembers", key + "s"))["members=".Length..].Split(',').Order(StringComparer.Ordinal);
        Assert.Equal(["a", "b"], members);
        Assert.Equal("value=1", await Redis("srem", key + "s", "a"));
        Assert.Equal("value=1", await Redis("del", key));
        Assert.Equal("results=int:5", await Redis("execute", "APPEND", $"{key}x\nhello"));
        Assert.Equal("results=binary:hello", await Redis("execute", "GET", $"{key}x"));
        Assert.Equal("results=status:OK", await Redis("execute", "SET", $"{key}y\n#42"));
        Assert.Equal("results=binary:42", await Redis("execute", "GET", $"{key}y"));
        Assert.Equal("ok", await Redis("publish", "channel", "message"));
    }

    [Fact]
    public async Task Redis_AddressNotAllowed_IsError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/denied/redis/get/x");
        request.Headers.Add("x-redis-address", $"redis://127.0.0.1:{_redis.Port}");

        Assert.Equal("error=1", await (await _app.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/allowed/pg", "error=1:address postgres://localhost/db is not permitted")]
    [InlineData("/allowed/mysql", "error=1:address postgres://localhost/db is not permitted")]
    [InlineData("/allowed/sqlite", "error=1")] // access-denied: no sqlite_databases
    [InlineData("/allowed/llm", "error=0")] // model-not-supported: no ai_models
    public async Task UnsupportedInterfaces_LinkAndReturnTheirErrorValue(string path, string expected) =>
        Assert.Equal(expected, await _app.Client.GetStringAsync(path));

    [Theory]
    [InlineData("/allowed/env/APP_MODE", "value=demo")]
    [InlineData("/allowed/env/EXTRA", "value=from-cli")]
    [InlineData("/allowed/file/static/note.txt", "value=a file mounted read-only\n")]
    [InlineData("/denied/file/static/note.txt", "no such file")]
    public async Task Wasi_EnvironmentAndFiles(string path, string expected) =>
        Assert.Equal(expected, await _app.Client.GetStringAsync(path));

    private async Task<string> Send(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body) };
        using var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> Redis(string op, string key, string body = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/allowed/redis/{op}/{key}") { Content = new StringContent(body) };
        request.Headers.Add("x-redis-address", $"redis://127.0.0.1:{_redis.Port}");
        using var response = await _app.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
