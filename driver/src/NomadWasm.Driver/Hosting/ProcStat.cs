using System.Globalization;

namespace NomadWasm.Driver.Hosting;

/// <summary>The fields of /proc/&lt;pid&gt;/stat the driver uses (proc(5)).</summary>
/// <param name="State">Field 3: R, S, D, Z (zombie), X (dead), T...</param>
/// <param name="ParentPid">Field 4.</param>
/// <param name="UserTicks">Field 14 utime, in clock ticks.</param>
/// <param name="SystemTicks">Field 15 stime, in clock ticks.</param>
/// <param name="StartTicks">Field 22 starttime: clock ticks after boot; with the pid it names a process uniquely.</param>
internal readonly record struct ProcStat(char State, int ParentPid, ulong UserTicks, ulong SystemTicks, ulong StartTicks)
{
    public bool IsDead => State is 'Z' or 'X' or 'x';

    /// <summary>Reads /proc/&lt;pid&gt;/stat; null when the process does not exist (any more).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null; // ENOENT/ESRCH: the process is gone
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(text);
    }

    /// <summary>Parses a stat line. The command name (field 2) may hold spaces and parentheses, so fields are counted after the last ')'.</summary>
    public static ProcStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); field N is fields[N - 3].
        if (fields.Length < 20 || fields[0].Length != 1)
        {
            return null;
        }

        return int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ppid)
            && ulong.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            && ulong.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var stime)
            && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcStat(fields[0][0], ppid, utime, stime, start)
            : null;
    }
}
