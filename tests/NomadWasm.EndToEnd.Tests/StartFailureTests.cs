using NomadWasm.EndToEnd.Tests.Simulator;
using NomadWasm.Plugin.Protos.Structs;

namespace NomadWasm.EndToEnd.Tests;

/// <summary>Bad configs and broken apps fail StartTask with a precise message; nothing else is affected.</summary>
public sealed class StartFailureTests
{
    private static readonly Dictionary<string, (Func<TaskFixture, Dictionary<string, object?>> Config, string Expected)> s_badConfigs = new()
    {
        ["app missing"] = (static f => TaskFixture.SpinConfig(null), "config.app is required"),
        ["app path absent"] = (static f => TaskFixture.SpinConfig("local/nope"), "local/nope"),
        ["dir without spin.toml"] = (static f => { Directory.CreateDirectory(Path.Combine(f.TaskDir, "local", "empty")); return TaskFixture.SpinConfig("local/empty"); }, "has no spin.toml"),
        ["not a manifest"] = (static f => { File.WriteAllText(Path.Combine(f.TaskDir, "local", "x.toml"), "hello = 1"); return TaskFixture.SpinConfig("local/x.toml"); }, "not a Spin manifest"),
        ["missing wasm"] = (static f => { var app = f.WriteApp("a"); File.Delete(Path.Combine(f.TaskDir, app, "app.wasm")); return TaskFixture.SpinConfig(app); }, "component source \"app.wasm\""),
        ["unknown port label"] = (static f => TaskFixture.SpinConfig(f.WriteApp("a"), port: "web"), "port label \"web\""),
        ["bad request_timeout"] = (static f => { var c = TaskFixture.SpinConfig(f.WriteApp("a")); c["request_timeout"] = "forever"; return c; }, "request_timeout"),
    };

    public static TheoryData<string> BadConfigs => [.. s_badConfigs.Keys];

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task StartTask_BadConfig_FailsNonRecoverablyNamingTheProblem(string name)
    {
        var (config, expected) = s_badConfigs[name];
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.StartTaskAsync(fixture.Config(config(fixture))));
        Assert.Equal(GrpcStatusException.Unknown, error.Code); // not recoverable: Nomad does not restart
        Assert.Contains(expected, error.StatusMessage, StringComparison.Ordinal);

        // The driver is unaffected: a good task starts next.
        var good = await live.StartTaskAsync(fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("good"))));
        Assert.Equal(NomadWasm.Plugin.Protos.Drivers.TaskState.Running, good.State);
    }

    [Fact]
    public async Task StartTask_HostCrashesAtStartup_RecoverableErrorWithStderrTail()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var task = fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("broken", "# fake-behaviour = \"crash\"")));
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.StartTaskAsync(task));
        Assert.Equal(GrpcStatusException.FailedPrecondition, error.Code);
        Assert.Contains("exit code 3", error.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("magic header not detected", error.StatusMessage, StringComparison.Ordinal);
        // Details: google.rpc.Status with the same code and a RecoverableError{recoverable=true} (§13).
        var status = NomadWasm.Plugin.Protos.Rpc.Status.Parser.ParseFrom(error.Details);
        Assert.Equal(GrpcStatusException.FailedPrecondition, status.Code);
        Assert.Equal("type.googleapis.com/hashicorp.nomad.plugins.shared.structs.RecoverableError", status.Details[0].TypeUrl);
        Assert.True(status.Details[0].Unpack<RecoverableError>().Recoverable);
        await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.WaitTaskAsync(task.Id)); // not kept
    }

    [Fact]
    public async Task StartTask_AppNeverListens_TimesOutAndKillsHost()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath, startupTimeout: "1s");
        using var fixture = new TaskFixture();
        var task = fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("slow", "# fake-behaviour = \"never-listen\"")));
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.StartTaskAsync(task));
        Assert.Equal(GrpcStatusException.FailedPrecondition, error.Code);
        Assert.Contains("startup_timeout", error.StatusMessage, StringComparison.Ordinal);
    }
}
