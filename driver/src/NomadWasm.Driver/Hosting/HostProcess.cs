using System.Globalization;

namespace NomadWasm.Driver.Hosting;

/// <summary>
/// A process named by pid and start time, so a recycled pid is never mistaken for the task's host
/// (the pair is what driver_state keeps; /proc/&lt;pid&gt;/stat field 22).
/// </summary>
internal sealed record HostProcess(int Pid, ulong StartTicks)
{
    /// <summary>True while the same process (not a zombie, not a reused pid) exists.</summary>
    public bool IsAlive()
    {
        var stat = ProcStat.Read(Pid);
        return stat is { } s && s.StartTicks == StartTicks && !s.IsDead;
    }

    /// <summary>Reads the pid's current start time; null if it does not exist.</summary>
    public static HostProcess? Adopt(int pid)
    {
        var stat = ProcStat.Read(pid);
        return stat is { IsDead: false } s ? new HostProcess(pid, s.StartTicks) : null;
    }

    /// <summary>Signals the process if it is still the same one; false when it is gone.</summary>
    public bool TrySignal(int signal, out string? error)
    {
        error = null;
        if (!IsAlive())
        {
            return false;
        }

        var errno = Native.Kill(Pid, signal);
        if (errno == 0)
        {
            return true;
        }

        const int Esrch = 3;
        if (errno != Esrch)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"kill({Pid}, {signal}) failed with errno {errno}");
        }

        return false;
    }

    public override string ToString() => Pid.ToString(CultureInfo.InvariantCulture);
}
