using System.Diagnostics;
using System.Globalization;

namespace NomadWasm.Bench;

/// <summary>
/// Runs the native driver or the Node runner as a subprocess; both time the kernel inside the
/// process and print "key=value" pairs, so process start-up is not measured.
/// </summary>
internal static class ExternalRunner
{
    public static Measurement? Run(string program, IReadOnlyList<string> args)
    {
        var fields = RunAndParse(program, args);
        if (fields is null)
        {
            return null;
        }

        return new Measurement(
            double.Parse(fields["first_ms"], CultureInfo.InvariantCulture),
            double.Parse(fields["steady_ms"], CultureInfo.InvariantCulture),
            ulong.Parse(fields["checksum"], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    public static (double CompileMs, double MedianUs, double P90Us)? RunInstantiate(string nodeRunner, string module, int iterations)
    {
        var fields = RunAndParse("node", [nodeRunner, "--instantiate", module, iterations.ToString(CultureInfo.InvariantCulture)]);
        if (fields is null)
        {
            return null;
        }

        return (double.Parse(fields["compile_ms"], CultureInfo.InvariantCulture),
            double.Parse(fields["instantiate_median_us"], CultureInfo.InvariantCulture),
            double.Parse(fields["instantiate_p90_us"], CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string>? RunAndParse(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEnd();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Trim()}");
                return null;
            }

            return stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Where(kv => kv.Length == 2)
                .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // The runner is optional (no node installed): report and leave its column empty.
            Console.Error.WriteLine($"cannot start {program}: {e.Message}");
            return null;
        }
    }
}
