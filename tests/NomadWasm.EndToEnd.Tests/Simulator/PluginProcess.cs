using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// One plugin process launched exactly as Nomad's go-plugin client launches it
/// (nomad-plugin-protocol.md §2.3, §3.4): argv[0] only, the agent's environment plus the magic
/// cookie and PLUGIN_* variables, stdin/stdout/stderr pipes. Reads the handshake line, keeps
/// draining stdout (go-plugin discards later output) and collects stderr lines.
/// </summary>
internal sealed class PluginProcess : IAsyncDisposable
{
    public const string CookieKey = "NOMAD_PLUGIN_MAGIC_COOKIE";
    public const string CookieValue = "e4327c2e01eabfd75a8a67adb114fb34a757d57eee7728d857a8cec6e91a7255";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly Task _stderrPump;

    private PluginProcess(Process process, TimeSpan handshakeTime, HandshakeLine handshake, Task stderrPump, ConcurrentQueue<string> stderr)
    {
        _process = process;
        HandshakeTime = handshakeTime;
        Handshake = handshake;
        _stderrPump = stderrPump;
        _stderr = stderr;
        Client = new GrpcClient(handshake.Address);
    }

    public HandshakeLine Handshake { get; }

    /// <summary>From Process.Start to the handshake line.</summary>
    public TimeSpan HandshakeTime { get; }

    public GrpcClient Client { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> StderrLines => _stderr;

    public static ProcessStartInfo StartInfo(string? cookie = CookieValue, string? socketDir = null)
    {
        var start = new ProcessStartInfo(PluginBinary.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The agent's entire environment is inherited (GP:client.go:655-657).
        start.Environment.Remove(CookieKey);
        if (cookie is not null)
        {
            start.Environment[CookieKey] = cookie;
        }

        start.Environment["PLUGIN_MIN_PORT"] = "10000";
        start.Environment["PLUGIN_MAX_PORT"] = "25000";
        start.Environment["PLUGIN_PROTOCOL_VERSIONS"] = "2";
        if (socketDir is not null)
        {
            start.Environment["PLUGIN_UNIX_SOCKET_DIR"] = socketDir;
        }

        return start;
    }

    public static async Task<PluginProcess> LaunchAsync(string? socketDir = null, TimeSpan? timeout = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var process = Process.Start(StartInfo(socketDir: socketDir)) ?? throw new InvalidOperationException("plugin did not start");
        var stderr = new ConcurrentQueue<string>();
        var stderrPump = PumpAsync(process.StandardError, stderr);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60)); // go-plugin's StartTimeout
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException("plugin printed no handshake line in time");
        }

        var elapsed = stopwatch.Elapsed;
        if (line is null)
        {
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"plugin exited before we could connect (exit {process.ExitCode}): {string.Join('\n', stderr)}");
        }

        _ = DrainAsync(process.StandardOutput);
        return new PluginProcess(process, elapsed, HandshakeLine.Parse(line), stderrPump, stderr);
    }

    /// <summary>Nomad's Client.Kill: GRPCController/Shutdown, then wait up to 2 s, then SIGKILL (§3.6). Returns true if it exited by itself.</summary>
    public async Task<bool> ShutdownAsync()
    {
        try
        {
            await Client.UnaryAsync("/plugin.GRPCController/Shutdown", new NomadWasm.Plugin.Protos.GoPlugin.Empty(), NomadWasm.Plugin.Protos.GoPlugin.Empty.Parser);
        }
        catch (Exception e) when (e is HttpRequestException or GrpcStatusException or IOException)
        {
            // Nomad ignores errors here.
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            return false;
        }
    }

    /// <summary>SIGKILL only the plugin process (not its tree), as a crash or Nomad's force-kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Every stderr line must be an hclog JSON object with string @level/@message/@timestamp (§4).</summary>
    public void AssertLogLinesAreHclog()
    {
        foreach (var line in _stderr)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            Assert.Equal(JsonValueKind.String, root.GetProperty("@message").ValueKind);
            var level = root.GetProperty("@level").GetString();
            Assert.Contains(level, new[] { "trace", "debug", "info", "warn", "error" });
            var timestamp = root.GetProperty("@timestamp").GetString()!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(Z|[+-]\d\d:\d\d)$", timestamp);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }

        await _stderrPump;
        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, ConcurrentQueue<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Enqueue(line);
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        while (await reader.ReadAsync(buffer) > 0)
        {
        }
    }
}
