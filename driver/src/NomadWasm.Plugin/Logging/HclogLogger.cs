using Microsoft.Extensions.Logging;

namespace NomadWasm.Plugin.Logging;

/// <summary>An <see cref="ILogger"/> whose lines are go-hclog JSON; the category is the <c>@module</c>.</summary>
internal sealed class HclogLogger(string module, HclogWriter writer, LogLevel minimumLevel) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        writer.Write(logLevel, module, formatter(state, exception), exception, state as IReadOnlyList<KeyValuePair<string, object?>>);
    }
}
