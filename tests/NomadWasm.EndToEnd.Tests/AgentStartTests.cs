using System.Diagnostics;
using NomadWasm.EndToEnd.Tests.Simulator;
using NomadWasm.Plugin.Protos.Base;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.EndToEnd.Tests;

/// <summary>The agent-start sequences of nomad-plugin-protocol.md §2.4 against the real binary.</summary>
public sealed class AgentStartTests
{
    [Fact]
    public async Task Launch_WrongOrMissingCookie_ExitsOneWithNoteOnStderr()
    {
        foreach (var cookie in new[] { null, "not-the-cookie" })
        {
            var start = PluginProcess.StartInfo(cookie);
            if (cookie is null)
            {
                start.ArgumentList.Add("plugin"); // without the cookie and arguments the CLI prints usage instead
            }

            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(1, process.ExitCode);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("plugin", stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Handshake_StrictLine_SocketAcceptsImmediately()
    {
        await using var plugin = await PluginProcess.LaunchAsync();
        Assert.Equal("unix", plugin.Handshake.Network);
        Assert.True(File.Exists(plugin.Handshake.Address) || Directory.Exists(Path.GetDirectoryName(plugin.Handshake.Address)));
        // The very first RPC after the line must succeed (print-after-bind, §3.3).
        var info = await new DriverClient(plugin.Client).PluginInfoAsync();
        Assert.Equal("spin", info.Name);
    }

    [Fact]
    public async Task FingerprintProcess_PluginInfoAndSchema_ValidAndExitsOnShutdown()
    {
        var (info, schema, exited) = await NomadClientSimulator.FingerprintProcessAsync();
        Assert.Equal(PluginType.Driver, info.Type);
        Assert.Contains("v0.1.0", info.PluginApiVersions);
        Assert.Matches(@"^v?\d+\.\d+\.\d+", info.PluginVersion);
        Assert.Equal("spin", info.Name);
        Assert.NotNull(schema.Spec);
        Assert.NotNull(schema.Spec.Object);
        SchemaRules.AssertConvertible(schema.Spec);
        Assert.True(exited, "the plugin must exit by itself within 2 s of GRPCController/Shutdown");
    }

    [Fact]
    public async Task ValidationProcess_SetConfigTwice_SucceedsAndExits()
    {
        Assert.True(await NomadClientSimulator.ValidationProcessAsync(NomadClientSimulator.PluginConfig()));
    }

    [Fact]
    public async Task ValidationProcess_BadConfigValue_FailsWithAttributeName()
    {
        await using var plugin = await PluginProcess.LaunchAsync();
        var driver = new DriverClient(plugin.Client);
        var bad = CtyMsgpack.EncodeObject(new Dictionary<string, object?>
        {
            ["enabled"] = true,
            ["host_path"] = "",
            ["startup_timeout"] = "soon",
            ["fingerprint_interval"] = "30s",
        });
        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => driver.SetConfigAsync(bad, withNomadConfig: false));
        Assert.Contains("startup_timeout", error.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongLivedProcess_FingerprintFirstAtOnceAndStaysOpen_TaskEventsStaysOpen()
    {
        var (plugin, driver) = await NomadClientSimulator.LongLivedProcessAsync(NomadClientSimulator.PluginConfig());
        await using var _ = plugin;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stopwatch = Stopwatch.StartNew();
        await using var fingerprints = driver.FingerprintAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await fingerprints.MoveNextAsync());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"first fingerprint after {stopwatch.Elapsed}");
        var first = fingerprints.Current;
        Assert.Equal(FingerprintResponse.Types.HealthState.Healthy, first.Health);
        Assert.True(first.Attributes["driver.spin"].BoolVal);
        Assert.False(string.IsNullOrEmpty(first.Attributes["driver.spin.version"].StringVal));
        Assert.Equal(string.Empty, first.Err);

        // Both streams stay open: the next read does not complete within a second.
        var next = fingerprints.MoveNextAsync().AsTask();
        await using var events = driver.TaskEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var nextEvent = events.MoveNextAsync().AsTask();
        await Task.Delay(1000);
        Assert.False(next.IsCompleted, "Fingerprint ended: Nomad would re-open it in a hot loop");
        Assert.False(nextEvent.IsCompleted, "TaskEvents ended: Nomad would re-open it in a hot loop");

        var schema = await driver.TaskConfigSchemaAsync();
        Assert.NotNull(schema.Spec?.Object);
        SchemaRules.AssertConvertible(schema.Spec!);
        var caps = (await driver.CapabilitiesAsync()).Capabilities;
        Assert.True(caps.SendSignals);
        Assert.False(caps.Exec);
        Assert.Contains(NetworkIsolationSpec.Types.NetworkIsolationMode.Host, caps.NetworkIsolationModes);
        Assert.False(caps.MustCreateNetwork);

        await driver.ShutdownAsync();
        Assert.True(await plugin.ShutdownAsync());
        plugin.AssertLogLinesAreHclog();
    }

    [Fact]
    public async Task Unsupported_ExecAndNetwork_AnswerWithErrorStatus()
    {
        var (plugin, driver) = await NomadClientSimulator.LongLivedProcessAsync(NomadClientSimulator.PluginConfig());
        await using var _ = plugin;
        var exec = await Assert.ThrowsAsync<GrpcStatusException>(() => driver.ExecTaskAsync("a/b/c"));
        Assert.Contains("exec", exec.StatusMessage, StringComparison.Ordinal);
        var stream = await Assert.ThrowsAsync<GrpcStatusException>(() => driver.ExecTaskStreamingAsync("a/b/c"));
        Assert.Contains("exec", stream.StatusMessage, StringComparison.Ordinal);
        var network = await Assert.ThrowsAsync<GrpcStatusException>(() => driver.CreateNetworkAsync("alloc"));
        Assert.Contains("host networking", network.StatusMessage, StringComparison.Ordinal);
    }
}
