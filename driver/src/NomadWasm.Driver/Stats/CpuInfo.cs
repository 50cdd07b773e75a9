using System.Globalization;

namespace NomadWasm.Driver.Stats;

/// <summary>The node's per-core clock in MHz from /proc/cpuinfo (used to express CPU use as Nomad's MHz "ticks").</summary>
internal static class CpuInfo
{
    private static readonly Lazy<double> s_mhz = new(Read);

    public static double MhzPerCore => s_mhz.Value;

    private static double Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("cpu MHz", StringComparison.Ordinal))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && double.TryParse(line.AsSpan(colon + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) && mhz > 0)
                    {
                        return mhz;
                    }
                }
            }
        }
        catch (IOException)
        {
            // No /proc/cpuinfo (not Linux): fall back below.
        }

        return 1000; // arm64 kernels print no "cpu MHz"; 1 GHz keeps ticks proportional to percent
    }
}
