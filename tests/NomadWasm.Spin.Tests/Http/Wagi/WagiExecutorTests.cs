using System.Net;
using System.Text;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Http.Wagi;

/// <summary>The Wagi executor end to end: jobs/wagi-echo-c under the real host over HTTP.</summary>
public sealed class WagiExecutorTests : IAsyncLifetime
{
    private AppHarness _app = null!;

    public async Task InitializeAsync() =>
        _app = await AppHarness.StartAsync(
            File.ReadAllText(RepoPaths.Jobs("wagi-echo-c", "spin.toml")),
            new Dictionary<string, string>
            {
                [RepoPaths.Jobs("wagi-echo-c", "echo.wasm")] = "echo.wasm",
                [RepoPaths.Jobs("wagi-echo-c", "static")] = "static",
            },
            o => o with { RequestTimeout = TimeSpan.FromSeconds(2) });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_WorkedExample_GuestSeesCgiEnvironmentAndArgv()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/users/1/cart/items/3/edit?theme=pink");
        request.Headers.Host = "example.com:8080";

        using var response = await _app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        foreach (var line in new[]
        {
            "argv[0]=/users/1/cart/items/3/edit",
            "argv[1]=theme=pink",
            "env GREETING=hello",
            "env SCRIPT_NAME=/users/:userid/cart",
            "env PATH_INFO=/items/3/edit",
            "env X_FULL_URL=http://example.com:8080/users/1/cart/items/3/edit?theme=pink",
            "env X_MATCHED_ROUTE=/users/:userid/cart/...",
            "env X_RAW_COMPONENT_ROUTE=/users/:userid/cart/...",
            "env X_COMPONENT_ROUTE=/users/:userid/cart",
            "env X_BASE_PATH=/",
            "env X_PATH_MATCH_USERID=1",
            "env QUERY_STRING=theme=pink",
            "env REQUEST_METHOD=GET",
            "env SERVER_NAME=example.com",
            "env SERVER_PORT=8080",
            "env GATEWAY_INTERFACE=CGI/1.1",
            "env SERVER_SOFTWARE=WAGI/1",
            "env REMOTE_ADDR=127.0.0.1",
            "env HTTP_HOST=example.com:8080",
            "env CONTENT_LENGTH=0",
        })
        {
            Assert.Contains(line + "\n", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_BodyArrivesOnStdin()
    {
        using var response = await _app.Client.PostAsync("/echo/x", new StringContent("payload bytes"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("stdin=payload bytes\n", body, StringComparison.Ordinal);
        Assert.Contains("env CONTENT_LENGTH=13\n", body, StringComparison.Ordinal);
        Assert.Contains("env HTTP_CONTENT_TYPE=text/plain; charset=utf-8\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CustomArgvTemplate_SplitsQueryOnAmpersand()
    {
        var body = await _app.Client.GetStringAsync("/custom-argv/p?a=1&b=2");

        Assert.Contains("argv[0]=/custom-argv/p\nargv[1]=first\nargv[2]=a=1\nargv[3]=b=2\nargv[4]=last\n", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string?, string> RawOutputs => new()
    {
        // what the guest prints, expected status, location, body
        { "status: 418 I'm a teapot\ncontent-type: text/plain\n\nteapot", 418, null, "teapot" },
        { "location: /elsewhere\n\n", 302, "/elsewhere", "" },
        { "status: nope\ncontent-type: text/plain\n\nx", 502, null, "x" },
        { "x-only: 1\n\nbody", 500, null, "Exactly one of 'location' or 'content-type' must be specified" },
    };

    [Theory]
    [MemberData(nameof(RawOutputs))]
    public async Task Raw_GuestStdoutBecomesTheResponse(string output, int status, string? location, string body)
    {
        using var response = await _app.Client.PostAsync("/echo/raw", new ByteArrayContent(Encoding.UTF8.GetBytes(output)));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/echo/trap")]
    [InlineData("/echo/exit")]
    [InlineData("/echo/stack")]
    public async Task Failure_Is500WithEmptyBody(string path)
    {
        using var response = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Raw_EmptyStdout_Is500()
    {
        using var response = await _app.Client.PostAsync("/echo/raw", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Stderr_GoesToTheLogPrefixedWithComponent()
    {
        using var response = await _app.Client.GetAsync("/echo/stderr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _app.WaitForLogAsync("[echo] guest says hello on stderr"), _app.Stderr.Text);
    }

    [Fact]
    public async Task File_MountedReadOnlyAtItsDestination()
    {
        var body = await _app.Client.GetStringAsync("/echo/file?/static/greeting.txt");

        Assert.Equal("mounted file contents\n", body);
    }

    [Fact]
    public async Task Loop_IsInterruptedByTheDeadline_WhileOtherRequestsSucceed()
    {
        var looping = _app.Client.GetAsync("/echo/loop");
        var others = Enumerable.Range(0, 8).Select(i => _app.Client.GetStringAsync($"/echo/ok{i}")).ToArray();

        var bodies = await Task.WhenAll(others);
        using var loopResponse = await looping;

        Assert.All(bodies, b => Assert.Contains("argv[0]=/echo/ok", b, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, loopResponse.StatusCode);
        Assert.True(await _app.WaitForLogAsync("timed out"), _app.Stderr.Text);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("/echo/after")).StatusCode);
    }
}
