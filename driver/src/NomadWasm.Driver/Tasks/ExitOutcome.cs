using System.Globalization;

namespace NomadWasm.Driver.Tasks;

/// <summary>How a task's host ended: Nomad's ExitResult plus WaitTaskResponse.err.</summary>
/// <param name="ExitCode">The exit code; 128+N after death by signal N, as Nomad's executor reports it.</param>
/// <param name="Signal">The signal that ended the host, or 0.</param>
/// <param name="Error">Set when the status is not known (the host died while no plugin supervised it).</param>
internal sealed record ExitOutcome(int ExitCode, int Signal, string? Error)
{
    /// <summary>Interprets the watcher's status file text (the shell's <c>$?</c>).</summary>
    public static ExitOutcome? FromStatusText(string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        // sh reports a death by signal N as 128+N.
        var signal = code is > 128 and < 128 + 65 ? code - 128 : 0;
        return new ExitOutcome(code, signal, null);
    }

    public static ExitOutcome Unknown(int pid) => new(
        0,
        0,
        string.Create(CultureInfo.InvariantCulture, $"spin host (pid {pid}) ended and its exit status was not recorded (its watcher was killed too)"));

    public override string ToString() => Error
        ?? (Signal != 0
            ? string.Create(CultureInfo.InvariantCulture, $"killed by signal {Signal} (exit code {ExitCode})")
            : string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}"));
}
