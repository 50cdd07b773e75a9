using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NomadWasm.Plugin.Logging;

/// <summary>
/// Logs as go-hclog JSON lines (spec §4), the only log channel Nomad reads from a non-Go plugin.
/// Categories starting with <c>Microsoft.</c> (Kestrel) are kept at Warning and above.
/// </summary>
public sealed class HclogLoggerProvider : ILoggerProvider
{
    private readonly HclogWriter _writer;
    private readonly LogLevel _minimumLevel;
    private readonly ConcurrentDictionary<string, HclogLogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Creates a provider writing to <paramref name="output"/> (normally the process's real stderr).</summary>
    public HclogLoggerProvider(Stream output, LogLevel minimumLevel)
        : this(output, minimumLevel, TimeProvider.System)
    {
    }

    internal HclogLoggerProvider(Stream output, LogLevel minimumLevel, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        _writer = new HclogWriter(output, time);
        _minimumLevel = minimumLevel;
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, self) => new HclogLogger(
            name,
            self._writer,
            name.StartsWith("Microsoft.", StringComparison.Ordinal) && self._minimumLevel < LogLevel.Warning ? LogLevel.Warning : self._minimumLevel),
            this);

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
