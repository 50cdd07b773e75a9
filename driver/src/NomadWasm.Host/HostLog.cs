using System.Threading.Channels;
using NomadWasm.Spin.Capabilities;

namespace NomadWasm.Host;

/// <summary>
/// The host process's log: runtime messages and request lines to stdout, errors to stderr, guest
/// stdout/stderr lines prefixed with <c>[component-id]</c> to the matching stream. Lines are queued
/// and written by one background task so request threads never block on the console.
/// </summary>
internal sealed class HostLog : IRuntimeLog, IAsyncDisposable
{
    private readonly Channel<(bool IsError, string Line)> _lines =
        Channel.CreateBounded<(bool, string)>(new BoundedChannelOptions(64 * 1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly Task _writer;

    public HostLog(TextWriter? stdout = null, TextWriter? stderr = null)
    {
        _out = stdout ?? Console.Out;
        _error = stderr ?? Console.Error;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>When false, per-request lines are not written (<c>--quiet</c>).</summary>
    public bool LogRequests { get; init; } = true;

    public void Info(string message) => _lines.Writer.TryWrite((false, message));

    public void Error(string message) => _lines.Writer.TryWrite((true, message));

    public void GuestLine(string componentId, bool isStderr, string line) =>
        _lines.Writer.TryWrite((isStderr, string.Concat("[", componentId, "] ", line)));

    /// <summary>One request line: <c>[component] METHOD /path -> status (1.23 ms)</c>.</summary>
    public void Request(string? target, string method, string path, int status, double milliseconds)
    {
        if (LogRequests)
        {
            _lines.Writer.TryWrite((false, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{target ?? "-"}] {method} {path} -> {status} ({milliseconds:0.###} ms)")));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                await (item.IsError ? _error : _out).WriteLineAsync(item.Line).ConfigureAwait(false);
            }

            await _out.FlushAsync().ConfigureAwait(false);
            await _error.FlushAsync().ConfigureAwait(false);
        }
    }
}
