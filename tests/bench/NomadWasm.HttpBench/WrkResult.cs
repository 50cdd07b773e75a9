using System.Globalization;
using System.Text.RegularExpressions;

namespace NomadWasm.HttpBench;

/// <summary>What one wrk run measured (parsed from <c>wrk --latency</c> output).</summary>
internal sealed partial record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors)
{
    public static WrkResult Parse(string output)
    {
        var rps = Number(RequestsPerSec().Match(output), "Requests/sec");
        var p50 = Latency(Percentile().Matches(output), "50%");
        var p99 = Latency(Percentile().Matches(output), "99%");
        var requests = (long)Number(TotalRequests().Match(output), "requests in");
        var errors = 0L;
        foreach (Match m in SocketErrors().Matches(output))
        {
            errors += long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var non2xx = NonSuccess().Match(output);
        if (non2xx.Success)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return new WrkResult(rps, p50, p99, requests, errors);
    }

    private static double Number(Match match, string what) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new FormatException($"wrk output has no '{what}' line");

    private static double Latency(MatchCollection matches, string percentile)
    {
        foreach (Match m in matches)
        {
            if (m.Groups[1].Value == percentile)
            {
                var value = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                return m.Groups[3].Value switch
                {
                    "us" => value / 1000,
                    "ms" => value,
                    "s" => value * 1000,
                    _ => value / 1_000_000,
                };
            }
        }

        throw new FormatException($"wrk output has no {percentile} latency (run with --latency)");
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSec();

    [GeneratedRegex(@"^\s+(\d+%)\s+([\d.]+)(us|ms|s|ns)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
