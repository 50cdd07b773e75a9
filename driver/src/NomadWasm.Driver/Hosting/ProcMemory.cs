using System.Globalization;

namespace NomadWasm.Driver.Hosting;

/// <summary>Memory figures from /proc/&lt;pid&gt;/status, in bytes (proc(5): VmRSS, VmHWM, VmSwap).</summary>
internal readonly record struct ProcMemory(ulong RssBytes, ulong PeakRssBytes, ulong SwapBytes)
{
    public static ProcMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(lines);
    }

    public static ProcMemory Parse(IEnumerable<string> lines)
    {
        ulong rss = 0, hwm = 0, swap = 0;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
            else if (line.StartsWith("VmSwap:", StringComparison.Ordinal))
            {
                swap = Kilobytes(line);
            }
        }

        return new ProcMemory(rss, Math.Max(hwm, rss), swap);
    }

    // "VmRSS:	   12345 kB"
    private static ulong Kilobytes(string line)
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
    }
}
