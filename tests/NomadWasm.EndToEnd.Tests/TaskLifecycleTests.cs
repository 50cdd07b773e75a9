using System.Diagnostics;
using NomadWasm.EndToEnd.Tests.Simulator;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.EndToEnd.Tests;

/// <summary>
/// Task life as Nomad drives it (§8.3) against the real plugin binary, with a stand-in host
/// (Fixtures/fake-spin-host.py: same command line as `nomad-wasm up`, no engine) so the
/// process management is tested on its own.
/// </summary>
public sealed class TaskLifecycleTests
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task StartWaitStopDestroy_FakeHost_FollowsNomadSequence()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var app = fixture.WriteApp("hello");
        var task = fixture.Config(TaskFixture.SpinConfig(app, new Dictionary<string, string> { ["greeting"] = "hi" }, new Dictionary<string, string> { ["LOG"] = "1" }));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = live.Driver.TaskEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var firstEvent = events.MoveNextAsync().AsTask();

        var handle = await live.StartTaskAsync(task);
        Assert.True(handle.Version >= 1);
        Assert.Equal(task.Id, handle.Config.Id);
        Assert.Equal(task.AllocId, handle.Config.AllocId);
        Assert.Equal(task.Name, handle.Config.Name);
        Assert.Equal(TaskState.Running, handle.State);
        Assert.False(handle.DriverState.IsEmpty);

        // StartTask returned after readiness: the app answers at once, with the options the driver passed.
        var body = await s_http.GetStringAsync(fixture.BaseUri);
        Assert.Contains("\"greeting=hi\"", body, StringComparison.Ordinal);
        Assert.Contains("\"LOG=1\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"memory-limit-mb\": \"{fixture.MemoryMb}\"", body, StringComparison.Ordinal);
        Assert.Equal("OK", await s_http.GetStringAsync(new Uri(fixture.BaseUri, ".well-known/spin/health")));

        Assert.True(await firstEvent);
        Assert.Equal(task.AllocId, events.Current.AllocId);
        Assert.Equal(task.Name, events.Current.TaskName);
        Assert.NotNull(events.Current.Timestamp);

        // Stats: timestamp and agg_resource_usage always set (§8.3 crash list).
        await using (var stats = live.Driver.TaskStatsAsync(task.Id, TimeSpan.FromMilliseconds(200), cts.Token).GetAsyncEnumerator(cts.Token))
        {
            Assert.True(await stats.MoveNextAsync());
            var sample = stats.Current.Stats;
            Assert.NotNull(sample);
            Assert.NotNull(sample.Timestamp);
            Assert.NotNull(sample.AggResourceUsage);
            Assert.NotNull(sample.AggResourceUsage.Cpu);
            Assert.NotNull(sample.AggResourceUsage.Memory);
            Assert.True(sample.AggResourceUsage.Memory.Rss > 0);
            Assert.Contains(LiveDriver.HostPid(handle).ToString(System.Globalization.CultureInfo.InvariantCulture), sample.ResourceUsageByPid.Keys);
        }

        var inspect = await live.Driver.InspectTaskAsync(task.Id);
        Assert.NotNull(inspect.Task?.StartedAt);
        Assert.NotNull(inspect.Task.CompletedAt);
        Assert.NotNull(inspect.Task.Result);
        Assert.Equal(TaskState.Running, inspect.Task.State);

        await live.Driver.SignalTaskAsync(task.Id, "SIGHUP");

        // Two concurrent WaitTasks both complete once the task stops.
        var wait1 = live.Driver.WaitTaskAsync(task.Id, cts.Token);
        var wait2 = live.Driver.WaitTaskAsync(task.Id, cts.Token);
        await Task.Delay(100);
        Assert.False(wait1.IsCompleted);
        await live.Driver.StopTaskAsync(task.Id, TimeSpan.FromSeconds(5), "SIGTERM");
        Assert.True(wait1.IsCompleted || await Task.WhenAny(wait1, Task.Delay(2000)) == wait1);
        var result = (await wait1).Result;
        Assert.Equal(15, result.Signal);
        Assert.Equal(143, result.ExitCode);
        Assert.Equal(15, (await wait2).Result.Signal);
        Assert.Equal(string.Empty, (await wait1).Err);

        // After exit WaitTask answers at once, until DestroyTask.
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(15, (await live.Driver.WaitTaskAsync(task.Id)).Result.Signal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1));
        await live.Driver.StopTaskAsync(task.Id, TimeSpan.FromSeconds(1)); // stopping an exited task is fine
        Assert.Equal(TaskState.Exited, (await live.Driver.InspectTaskAsync(task.Id)).Task.State);

        await live.Driver.DestroyTaskAsync(task.Id);
        var gone = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.WaitTaskAsync(task.Id));
        Assert.Equal("task not found for given id", gone.StatusMessage);

        // The host's own stdout reached Nomad's FIFO.
        Assert.Contains("fake host: got SIGHUP", await File.ReadAllTextAsync(fixture.Logmon.StdoutFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopTask_HostIgnoresSignal_KilledAfterTimeout()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var handle = await live.StartTaskAsync(fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("hello"))));
        var stopwatch = Stopwatch.StartNew();
        await live.Driver.StopTaskAsync(handle.Config.Id, TimeSpan.FromMilliseconds(300), "SIGHUP"); // the fake host only logs SIGHUP
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(300));
        var result = (await live.Driver.WaitTaskAsync(handle.Config.Id)).Result;
        Assert.Equal(9, result.Signal);
    }

    [Fact]
    public async Task HostKilledUnderneath_WaitTaskReportsSignal()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var handle = await live.StartTaskAsync(fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("hello"))));
        var wait = live.Driver.WaitTaskAsync(handle.Config.Id);
        using (var host = Process.GetProcessById(LiveDriver.HostPid(handle)))
        {
            host.Kill();
        }

        var response = await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(9, response.Result.Signal);
        Assert.Equal(137, response.Result.ExitCode);
    }

    [Fact]
    public async Task PluginKilled_RelaunchRecoverTask_AppStillAnswersThenStops()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var task = fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("hello")));
        var handle = await live.StartTaskAsync(task);
        var oldPluginPid = live.Plugin.Pid;

        await live.Plugin.KillAsync(); // SIGKILL the plugin only
        Assert.Contains("fake host", await s_http.GetStringAsync(new Uri(fixture.BaseUri, ".well-known/spin/health")) == "OK" ? "fake host" : string.Empty, StringComparison.Ordinal);

        await live.RelaunchAsync();
        Assert.NotEqual(oldPluginPid, live.Plugin.Pid);
        // As after an agent restart: task_id empty, msgpack_driver_config lost (§8.3).
        var persisted = handle.Clone();
        persisted.Config.MsgpackDriverConfig = Google.Protobuf.ByteString.Empty;
        await live.Driver.RecoverTaskAsync(persisted);
        await live.Driver.RecoverTaskAsync(persisted); // a second RecoverTask for a known task is OK

        Assert.Equal("OK", await s_http.GetStringAsync(new Uri(fixture.BaseUri, ".well-known/spin/health")));
        var inspect = await live.Driver.InspectTaskAsync(task.Id);
        Assert.Equal(TaskState.Running, inspect.Task.State);
        Assert.Equal("true", inspect.Driver.Attributes["recovered"]);

        // Stats and signals work on the adopted host; the exit code is still known (the watcher survived).
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using (var stats = live.Driver.TaskStatsAsync(task.Id, TimeSpan.FromMilliseconds(200), cts.Token).GetAsyncEnumerator(cts.Token))
        {
            Assert.True(await stats.MoveNextAsync());
            Assert.NotNull(stats.Current.Stats.AggResourceUsage);
        }

        await live.Driver.SignalTaskAsync(task.Id, "SIGHUP");
        var wait = live.Driver.WaitTaskAsync(task.Id);
        await live.Driver.StopTaskAsync(task.Id, TimeSpan.FromSeconds(5));
        var result = await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(15, result.Result.Signal);
        Assert.Equal(string.Empty, result.Err);
    }

    [Fact]
    public async Task RecoverTask_HostGone_ReturnsError()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        using var fixture = new TaskFixture();
        var handle = await live.StartTaskAsync(fixture.Config(TaskFixture.SpinConfig(fixture.WriteApp("hello"))));
        await live.Plugin.KillAsync();
        using (var host = Process.GetProcessById(LiveDriver.HostPid(handle)))
        {
            host.Kill();
            await host.WaitForExitAsync();
        }

        await live.RelaunchAsync();
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.RecoverTaskAsync(handle));
        Assert.Contains("is gone", error.StatusMessage, StringComparison.Ordinal);
        await live.Driver.DestroyTaskAsync(handle.Config.Id); // what Nomad does next; unknown ids are fine
    }

    [Fact]
    public async Task RecoverTask_GarbageDriverState_ReturnsError()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        var handle = new TaskHandle { Version = 1, Config = new TaskConfig { Id = "a/b/c" }, DriverState = Google.Protobuf.ByteString.CopyFromUtf8("{not json") };
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => live.Driver.RecoverTaskAsync(handle));
        Assert.Contains("driver_state", error.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTaskId_EveryTaskRpc_AnswersTaskNotFound()
    {
        await using var live = await LiveDriver.StartAsync(LiveDriver.FakeHostPath);
        const string id = "no-such-alloc/web/00000000";
        foreach (var call in new Func<Task>[]
        {
            () => live.Driver.WaitTaskAsync(id),
            () => live.Driver.StopTaskAsync(id, TimeSpan.FromSeconds(1)),
            () => live.Driver.InspectTaskAsync(id),
            () => live.Driver.SignalTaskAsync(id, "SIGHUP"),
        })
        {
            var error = await Assert.ThrowsAsync<GrpcStatusException>(call);
            Assert.Equal(GrpcStatusException.Unknown, error.Code);
            Assert.Equal("task not found for given id", error.StatusMessage);
        }

        await live.Driver.DestroyTaskAsync(id); // OK for unknown ids
    }
}
