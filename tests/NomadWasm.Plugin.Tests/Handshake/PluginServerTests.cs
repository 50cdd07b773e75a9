using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using NomadWasm.Plugin.Handshake;
using NomadWasm.Plugin.Tests.Grpc;
using ConnInfo = NomadWasm.Plugin.Protos.GoPlugin.ConnInfo;

namespace NomadWasm.Plugin.Tests.Handshake;

/// <summary>PluginServer in-process (no process-wide state taken), driven as go-plugin's client does right after the handshake (spec §3.3, §5).</summary>
public sealed class PluginServerTests : IDisposable
{
    private readonly string _socketDirectory = Directory.CreateTempSubdirectory("nwi").FullName;

    [Fact]
    public async Task RunAsync_GoPluginClientSequence_StdioAndBrokerHeldOpenUntilShutdown()
    {
        var stdout = new Pipe();
        using var stderr = new MemoryStream();
        var options = NewOptions(stdout.Writer.AsStream(), stderr, new Dictionary<string, string?>
        {
            [MagicCookie.NomadKey] = MagicCookie.NomadValue,
            ["PLUGIN_PROTOCOL_VERSIONS"] = "2",
            [UnixSocketPath.DirectoryVariable] = _socketDirectory,
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var run = PluginServer.RunAsync(options, static _ => { }, CancellationToken.None);
        using var reader = new StreamReader(stdout.Reader.AsStream());
        var line = await reader.ReadLineAsync(timeout.Token);
        Assert.NotNull(line);
        var socketPath = line.Split('|')[3];
        using var client = new GrpcTestClient(socketPath);

        // go-plugin opens both streams immediately after dialing (GP: grpc_client.go:58-91).
        using var stdio = await client.StartAsync("/plugin.GRPCStdio/StreamStdio", new Empty(), timeout.Token);
        var brokerRequests = System.Threading.Channels.Channel.CreateUnbounded<Google.Protobuf.IMessage>();
        await brokerRequests.Writer.WriteAsync(new ConnInfo { ServiceId = 1, Network = "unix" }, timeout.Token);
        var broker = client.StartDuplexFromChannelAsync("/plugin.GRPCBroker/StartStream", brokerRequests.Reader, timeout.Token);
        Assert.Equal(200, (int)stdio.StatusCode);
        var stdioBody = await stdio.Content.ReadAsStreamAsync(timeout.Token);
        var stdioRead = GrpcTestClient.ReadFrameAsync(stdioBody, timeout.Token);
        await Task.Delay(100, timeout.Token);
        Assert.False(stdioRead.IsCompleted, "GRPCStdio stream ended early");
        Assert.False(run.IsCompleted);
        using var brokerResponse = await broker.WaitAsync(TimeSpan.FromSeconds(5), timeout.Token); // streaming calls send headers at once
        Assert.Equal(200, (int)brokerResponse.StatusCode);
        await using var brokerBody = await brokerResponse.Content.ReadAsStreamAsync(timeout.Token);
        var brokerRead = GrpcTestClient.ReadFrameAsync(brokerBody, timeout.Token);

        var shutdown = await client.CallAsync("/plugin.GRPCController/Shutdown", new Protos.GoPlugin.Empty(), cancellationToken: timeout.Token);
        Assert.Equal(0, shutdown.GrpcStatus);
        Assert.Single(shutdown.Messages);

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(2), timeout.Token));
        Assert.Null(await stdioRead.WaitAsync(TimeSpan.FromSeconds(2), timeout.Token)); // held open until shutdown, then ended
        Assert.Null(await brokerRead.WaitAsync(TimeSpan.FromSeconds(2), timeout.Token)); // likewise the broker stream
        Assert.Equal("14", brokerResponse.TrailingHeaders.GetValues("grpc-status").Single());

        var logLines = Encoding.UTF8.GetString(stderr.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(logLines, l => JsonDocument.Parse(l).RootElement.GetProperty("@message").GetString()!.StartsWith("plugin address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ClientOffersOnlyVersion1_AnnouncesOwnVersionAndLogsError()
    {
        var stdout = new Pipe();
        using var stderr = new MemoryStream();
        var options = NewOptions(stdout.Writer.AsStream(), stderr, new Dictionary<string, string?>
        {
            [MagicCookie.NomadKey] = MagicCookie.NomadValue,
            ["PLUGIN_PROTOCOL_VERSIONS"] = "1",
            [UnixSocketPath.DirectoryVariable] = _socketDirectory,
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var run = PluginServer.RunAsync(options, static _ => { }, cts.Token);
        using var reader = new StreamReader(stdout.Reader.AsStream());
        var line = await reader.ReadLineAsync(cts.Token);
        await cts.CancelAsync();

        Assert.StartsWith("1|2|unix|", line, StringComparison.Ordinal);
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("No common app protocol version", Encoding.UTF8.GetString(stderr.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WrongCookie_Returns1WithoutHandshake()
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var options = NewOptions(stdout, stderr, new Dictionary<string, string?> { [MagicCookie.NomadKey] = "nope" });

        Assert.Equal(1, await PluginServer.RunAsync(options, static _ => { }, CancellationToken.None));
        Assert.Equal(0, stdout.Length);
        Assert.Contains("plugin \"unit\"", Encoding.UTF8.GetString(stderr.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DuplicateMethod_ThrowsNamingPath()
    {
        var options = NewOptions(new MemoryStream(), new MemoryStream(), new Dictionary<string, string?>
        {
            [MagicCookie.NomadKey] = MagicCookie.NomadValue,
            [UnixSocketPath.DirectoryVariable] = _socketDirectory,
        });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PluginServer.RunAsync(
            options,
            static s => s.MapUnary<Empty, Empty>("/grpc.health.v1.Health/Check", static (_, _) => Task.FromResult(new Empty())),
            CancellationToken.None));
        Assert.Contains("/grpc.health.v1.Health/Check", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_socketDirectory, recursive: true);

    private static PluginServerOptions NewOptions(Stream stdout, Stream stderr, Dictionary<string, string?> environment) => new()
    {
        PluginName = "unit",
        HandshakeOutput = stdout,
        LogOutput = stderr,
        OwnsProcess = false,
        GetEnvironmentVariable = name => environment.GetValueOrDefault(name),
    };
}
