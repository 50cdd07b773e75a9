using System.Net;
using NomadWasm.EndToEnd.Tests.Simulator;

namespace NomadWasm.EndToEnd.Tests;

/// <summary>
/// The example apps under jobs/ served through the driver by the real host: the plugin's own
/// executable run as <c>nomad-wasm up</c> (host_path unset), as in production.
/// </summary>
public sealed class RealHostTests
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData("hello-spin-c", "Hello from Spin C")]
    [InlineData("hello-wagi-c", "Hello")]
    public async Task StartTask_ExampleApp_AnswersHttpThenStopsCleanly(string app, string expected)
    {
        await using var live = await LiveDriver.StartAsync(hostPath: string.Empty);
        using var fixture = new TaskFixture();
        var relative = CopyApp(fixture, app);
        var task = fixture.Config(TaskFixture.SpinConfig(relative));
        await live.StartTaskAsync(task);

        using var response = await s_http.GetAsync(fixture.BaseUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("OK", await s_http.GetStringAsync(new Uri(fixture.BaseUri, ".well-known/spin/health")));

        var wait = live.Driver.WaitTaskAsync(task.Id);
        await live.Driver.StopTaskAsync(task.Id, TimeSpan.FromSeconds(5));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, result.Result.ExitCode); // `up` drains and exits 0 on SIGTERM
        Assert.Contains("Serving http://", await File.ReadAllTextAsync(fixture.Logmon.StdoutFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginKilled_RecoverTask_RealAppStillAnswers()
    {
        await using var live = await LiveDriver.StartAsync(hostPath: string.Empty);
        using var fixture = new TaskFixture();
        var task = fixture.Config(TaskFixture.SpinConfig(CopyApp(fixture, "hello-spin-c")));
        var handle = await live.StartTaskAsync(task);
        await live.Plugin.KillAsync();
        await live.RelaunchAsync();
        var persisted = handle.Clone();
        persisted.Config.MsgpackDriverConfig = Google.Protobuf.ByteString.Empty;
        await live.Driver.RecoverTaskAsync(persisted);
        Assert.Contains("Hello from Spin C", await s_http.GetStringAsync(fixture.BaseUri), StringComparison.Ordinal);
        await live.Driver.StopTaskAsync(task.Id, TimeSpan.FromSeconds(5));
        Assert.Equal(0, (await live.Driver.WaitTaskAsync(task.Id)).Result.ExitCode);
    }

    [Fact]
    public async Task StartTask_InvalidWasm_FailsWithHostError()
    {
        await using var live = await LiveDriver.StartAsync(hostPath: string.Empty);
        using var fixture = new TaskFixture();
        var relative = CopyApp(fixture, "hello-spin-c");
        await File.WriteAllBytesAsync(Path.Combine(fixture.TaskDir, relative, "hello.wasm"), [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0xff]);
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.StartTaskAsync(fixture.Config(TaskFixture.SpinConfig(relative))));
        Assert.Equal(GrpcStatusException.FailedPrecondition, error.Code);
        Assert.Contains("exited during startup", error.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("Error:", error.StatusMessage, StringComparison.Ordinal); // the host's own message, from the stderr log
    }

    // What an artifact block does: the app lands under the task's local/ directory.
    private static string CopyApp(TaskFixture fixture, string app)
    {
        var source = Path.Combine(PluginBinary.RepositoryRoot, "jobs", app);
        var target = Path.Combine(fixture.TaskDir, "local", app);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return $"local/{app}";
    }
}
