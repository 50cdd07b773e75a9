using System.Net;
using System.Text.Json;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Http;

/// <summary>The trigger's own answers (spec §2.1, §2.6, §2.7) and the startup banner.</summary>
public sealed class SpinAppTests : IAsyncLifetime
{
    private const string Manifest = """
        spin_manifest_version = 2

        [application]
        name = "runtime-answers"
        version = "2.0.1"

        [[trigger.http]]
        route = "/hello/..."
        component = "hello"

        [[trigger.http]]
        route = "/exact"
        component = "hello"

        [[trigger.http]]
        route = "/static"
        static_response = { status_code = 302, headers = { location = "/hello" }, body = "moved" }

        [component.hello]
        source = "hello.wasm"
        description = "says hello"
        """;

    private AppHarness _app = null!;

    public async Task InitializeAsync() =>
        _app = await AppHarness.StartAsync(Manifest, new Dictionary<string, string> { [RepoPaths.Jobs("hello-spin-c", "hello.wasm")] = "hello.wasm" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Hello_SpinModuleAnswers()
    {
        using var response = await _app.Client.GetAsync("/hello/world");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Hello from Spin C\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NoRoute_Is404WithEmptyBody()
    {
        using var response = await _app.Client.GetAsync("/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Health_IsOk()
    {
        using var response = await _app.Client.GetAsync("/.well-known/spin/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Info_IsPrettyJsonWithNameAndVersion()
    {
        using var response = await _app.Client.GetAsync("/.well-known/spin/info");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("runtime-answers", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("2.0.1", json.RootElement.GetProperty("version").GetString());
        Assert.Contains("\n  \"name\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/.well-known/spin/health/")]
    [InlineData("/.well-known/spin/other")]
    public async Task OtherWellKnown_Is404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.GetAsync(path)).StatusCode);

    [Fact]
    public async Task StaticResponse_IsServedWithoutAComponent()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseUri };
        using var response = await client.GetAsync("/static");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/hello", response.Headers.Location?.OriginalString);
        Assert.Equal("moved", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Requests_AreLoggedWithComponentAndStatus()
    {
        await _app.Client.GetAsync("/exact");

        Assert.True(await _app.WaitForLogAsync("[hello] GET /exact -> 200"), _app.Stdout.Text);
    }

    [Fact]
    public void Banner_ListsRoutesAsSpinUpDoes()
    {
        var baseUrl = _app.BaseUri.GetLeftPart(UriPartial.Authority);

        Assert.StartsWith($"\nServing {baseUrl}\nAvailable Routes:\n", _app.Banner, StringComparison.Ordinal);
        Assert.Contains($"  hello: {baseUrl}/hello (wildcard)\n    says hello\n", _app.Banner, StringComparison.Ordinal);
        Assert.Contains($"  hello: {baseUrl}/exact\n", _app.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentRequests_AllSucceed()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => _app.Client.GetStringAsync("/hello/x")));

        Assert.All(results, r => Assert.Equal("Hello from Spin C\n", r));
    }
}
