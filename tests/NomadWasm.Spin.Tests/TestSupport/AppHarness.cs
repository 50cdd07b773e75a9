using NomadWasm.Host;

namespace NomadWasm.Spin.Tests.TestSupport;

/// <summary>
/// Runs a Spin app under the real host (Kestrel on 127.0.0.1, port 0) from a manifest written to a
/// temp directory next to copies of the given files; captures the log.
/// </summary>
internal sealed class AppHarness : IAsyncDisposable
{
    private readonly SpinHost.RunningApp _running;
    private readonly HostLog _log;

    private AppHarness(string directory, SpinHost.RunningApp running, HostLog log, CapturingWriter stdout, CapturingWriter stderr, string banner)
    {
        Directory = directory;
        _running = running;
        _log = log;
        Stdout = stdout;
        Stderr = stderr;
        Banner = banner;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = running.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public HttpClient Client { get; }

    public CapturingWriter Stdout { get; }

    public CapturingWriter Stderr { get; }

    /// <summary>What the host printed at startup (the route list).</summary>
    public string Banner { get; }

    public Uri BaseUri => _running.BaseUri;

    /// <summary>
    /// Writes <paramref name="manifest"/> as spin.toml, copies <paramref name="files"/> (source path →
    /// name in the app dir; directories recursively), and starts the app.
    /// </summary>
    public static async Task<AppHarness> StartAsync(string manifest, IReadOnlyDictionary<string, string> files, Func<UpOptions, UpOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "nw-app-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "spin.toml"), manifest);
        foreach (var (source, name) in files)
        {
            Copy(source, Path.Combine(directory, name));
        }

        var options = new UpOptions { From = directory, Listen = "127.0.0.1:0" };
        options = configure?.Invoke(options) ?? options;
        var stdout = new CapturingWriter();
        var stderr = new CapturingWriter();
        var log = new HostLog(stdout, stderr);
        var banner = new StringWriter();
        var running = await SpinHost.StartAsync(options, log, banner, CancellationToken.None);
        return new AppHarness(directory, running, log, stdout, stderr, banner.ToString());
    }

    /// <summary>Starts an app and expects startup to fail; returns the error.</summary>
    public static async Task<Exception> StartFailingAsync(string manifest, IReadOnlyDictionary<string, string> files, Func<UpOptions, UpOptions>? configure = null)
    {
        try
        {
            await using var harness = await StartAsync(manifest, files, configure);
        }
#pragma warning disable CA1031 // The test inspects whatever was thrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("the app started although it should not have");
    }

    /// <summary>Waits until the log holds a line containing <paramref name="text"/> (the log is written asynchronously).</summary>
    public async Task<bool> WaitForLogAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < deadline)
        {
            if (Stdout.Text.Contains(text, StringComparison.Ordinal) || Stderr.Text.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _running.DisposeAsync();
        await _log.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static void Copy(string source, string target)
    {
        if (System.IO.Directory.Exists(source))
        {
            System.IO.Directory.CreateDirectory(target);
            foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(source))
            {
                Copy(entry, Path.Combine(target, Path.GetFileName(entry)));
            }

            return;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}

/// <summary>A thread-safe text sink.</summary>
internal sealed class CapturingWriter : TextWriter
{
    private readonly System.Text.StringBuilder _text = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_text)
        {
            _text.Append(value).Append('\n');
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
