using System.Net;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Http.InboundHttp;

/// <summary>The Spin 1.x executor end to end with jobs/spin-capabilities-c.</summary>
public sealed class SpinHttpExecutorTests : IAsyncLifetime
{
    private const string Manifest = """
        spin_manifest_version = 2

        [application]
        name = "spin-executor"

        [[trigger.http]]
        route = "/base/:path_segment/:path_end/..."
        component = "caps"

        [[trigger.http]]
        route = "/..."
        component = "caps"

        [component.caps]
        source = "capabilities.wasm"
        """;

    private AppHarness _app = null!;

    public async Task InitializeAsync() =>
        _app = await AppHarness.StartAsync(
            Manifest,
            new Dictionary<string, string> { [RepoPaths.Jobs("spin-capabilities-c", "capabilities.wasm")] = "capabilities.wasm" },
            o => o with { RequestTimeout = TimeSpan.FromSeconds(2) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Echo_RequestShape_HasSpinHeadersExactlyOnce()
    {
        // Mirrors the conformance suite's request-shape test (spec §2.5).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/base/seg/end/echo/of/path?q=1") { Content = new StringContent("the body") };
        request.Headers.Host = "example.com:8080";

        using var response = await _app.Client.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("method=1", lines);
        Assert.Contains("uri=/base/seg/end/echo/of/path?q=1", lines);
        Assert.Contains("body=the body", lines);
        var spin = lines.Where(l => l.StartsWith("spin-", StringComparison.Ordinal)).ToList();
        var clientAddr = spin.Single(l => l.StartsWith("spin-client-addr: 127.0.0.1:", StringComparison.Ordinal));
        Assert.Equal(
            new[]
            {
                "spin-full-url: http://example.com:8080/base/seg/end/echo/of/path?q=1",
                "spin-path-info: /echo/of/path",
                "spin-matched-route: /base/:path_segment/:path_end/...",
                "spin-base-path: /",
                "spin-raw-component-route: /base/:path_segment/:path_end/...",
                "spin-component-route: /base/:path_segment/:path_end",
                clientAddr,
                "spin-path-match-path-segment: seg",
                "spin-path-match-path-end: end",
            }.Order(StringComparer.Ordinal),
            spin.Order(StringComparer.Ordinal));
        Assert.Contains("host: example.com:8080", lines);
    }

    [Theory]
    [InlineData(201, HttpStatusCode.Created)]
    [InlineData(600, (HttpStatusCode)600)]
    [InlineData(700, HttpStatusCode.InternalServerError)]
    [InlineData(99, HttpStatusCode.InternalServerError)]
    public async Task Status_OutsideRangeBecomes500(int guestStatus, HttpStatusCode expected) =>
        Assert.Equal(expected, (await _app.Client.GetAsync($"/status/{guestStatus}")).StatusCode);

    [Fact]
    public async Task UnsupportedMethod_Is405WithoutRunningTheGuest()
    {
        using var response = await _app.Client.SendAsync(new HttpRequestMessage(new HttpMethod("TRACE"), "/echo"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/trap")]
    [InlineData("/stack")]
    public async Task GuestTrap_Is500_AndTheAppKeepsServing(string path)
    {
        using var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/echo")).StatusCode);
    }

    [Fact]
    public async Task InfiniteLoop_IsInterrupted_WhileConcurrentRequestsSucceed()
    {
        var loop = _app.Client.GetAsync("/loop");
        var trap = _app.Client.GetAsync("/trap");
        var stack = _app.Client.GetAsync("/stack");
        var ok = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => _app.Client.GetStringAsync($"/echo/{i}")));

        Assert.All(ok, body => Assert.Contains("method=0", body, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, (await loop).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await trap).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await stack).StatusCode);
    }

    [Fact]
    public async Task GuestStdoutAndStderr_AreStreamedToTheLogWithComponentPrefix()
    {
        Assert.Equal("ok", await _app.Client.GetStringAsync("/log"));

        Assert.True(await _app.WaitForLogAsync("[caps] line to stdout"), _app.Stdout.Text);
        Assert.True(await _app.WaitForLogAsync("[caps] line to stderr"), _app.Stderr.Text);
    }
}
