using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using NomadWasm.Plugin.Handshake;
using NomadWasm.Plugin.Protos.Health;
using NomadWasm.Plugin.Tests.Grpc;
using Xunit.Abstractions;

namespace NomadWasm.Plugin.Tests.Handshake;

/// <summary>Starts the test assembly as a real plugin process, the way go-plugin does (spec §3, §17 items 1-2).</summary>
public sealed partial class PluginProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _socketDirectory = Directory.CreateTempSubdirectory("nwh").FullName;

    [Fact]
    public async Task Run_WithCookie_HandshakeServesIgnoresSigintAndExitsOnShutdown()
    {
        var watch = Stopwatch.StartNew();
        using var process = StartPlugin(withCookie: true);
        var stderrTask = process.StandardError.ReadToEndAsync();

        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var handshakeTime = watch.Elapsed;
        output.WriteLine($"start -> handshake: {handshakeTime.TotalMilliseconds:F0} ms");

        Assert.NotNull(line);
        var match = HandshakePattern().Match(line);
        Assert.True(match.Success, $"handshake line '{line}'");
        var socketPath = match.Groups["path"].Value;
        Assert.Equal(_socketDirectory, Path.GetDirectoryName(socketPath));
        Assert.StartsWith("plugin", Path.GetFileName(socketPath), StringComparison.Ordinal);

        using var client = new GrpcTestClient(socketPath);
        var health = await client.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest { Service = "plugin" });
        Assert.Equal(0, health.GrpcStatus);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Parser.ParseFrom(Assert.Single(health.Messages)).Status);

        var logged = await client.CallAsync(TestHost.LogPath, new StringValue { Value = "hello" });
        Assert.Equal(0, logged.GrpcStatus);

        // Nomad's Ctrl-C reaches the plugin's process group: the plugin must keep serving.
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await Task.Delay(200);
        Assert.False(process.HasExited, "SIGINT stopped the plugin");
        Assert.Equal(0, (await client.CallAsync("/grpc.health.v1.Health/Check", new HealthCheckRequest())).GrpcStatus);

        var shutdownWatch = Stopwatch.StartNew();
        var shutdown = await client.CallAsync("/plugin.GRPCController/Shutdown", new NomadWasm.Plugin.Protos.GoPlugin.Empty());
        Assert.Equal(0, shutdown.GrpcStatus);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(2));
        output.WriteLine($"shutdown -> exit: {shutdownWatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(0, process.ExitCode);

        // Nothing but the handshake ever reaches stdout.
        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
        Assert.False(File.Exists(socketPath), "socket file left behind");

        var stderr = await stderrTask;
        Assert.Contains("stray console output", stderr, StringComparison.Ordinal);
        var jsonLines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        Assert.Contains(jsonLines, l => l.Contains("logged hello with 3", StringComparison.Ordinal));
        foreach (var jsonLine in jsonLines)
        {
            using var document = JsonDocument.Parse(jsonLine);
            Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("@level").ValueKind);
            Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("@message").ValueKind);
            Assert.Matches(TimestampPattern(), document.RootElement.GetProperty("@timestamp").GetString());
        }
    }

    [Fact]
    public async Task Run_WithoutCookie_ExplainsOnStderrAndExitsOne()
    {
        using var process = StartPlugin(withCookie: false);

        var stdout = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("not meant to be executed directly", stderr, StringComparison.Ordinal);
        Assert.Contains(MagicCookie.NomadKey, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_socketDirectory, recursive: true);

    private Process StartPlugin(bool withCookie)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(TestHost).Assembly.Location);
        info.ArgumentList.Add(TestHost.Argument);
        info.Environment.Remove(MagicCookie.NomadKey);
        if (withCookie)
        {
            info.Environment[MagicCookie.NomadKey] = MagicCookie.NomadValue;
        }

        info.Environment["PLUGIN_PROTOCOL_VERSIONS"] = "2";
        info.Environment["PLUGIN_MIN_PORT"] = "10000";
        info.Environment["PLUGIN_MAX_PORT"] = "25000";
        info.Environment[UnixSocketPath.DirectoryVariable] = _socketDirectory;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    [GeneratedRegex(@"^1\|2\|unix\|(?<path>/[^|]+)\|grpc\|$")]
    private static partial Regex HandshakePattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();
}
