namespace NomadWasm.Spin.Capabilities;

/// <summary>
/// Where the runtime's own diagnostics and the guests' stdout/stderr lines go. The host prints them
/// (prefixed with the component id); tests capture them.
/// </summary>
internal interface IRuntimeLog
{
    /// <summary>A runtime message (startup, request log, host-call failures).</summary>
    void Info(string message);

    /// <summary>A runtime error (guest trap, startup failure detail).</summary>
    void Error(string message);

    /// <summary>One line a guest wrote to stdout or stderr (without its newline).</summary>
    void GuestLine(string componentId, bool isStderr, string line);
}

/// <summary>Discards everything.</summary>
internal sealed class NullRuntimeLog : IRuntimeLog
{
    public static NullRuntimeLog Instance { get; } = new();

    public void Info(string message)
    {
    }

    public void Error(string message)
    {
    }

    public void GuestLine(string componentId, bool isStderr, string line)
    {
    }
}
