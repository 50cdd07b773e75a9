using System.Globalization;

namespace NomadWasm.Plugin.Logging;

/// <summary>
/// go-hclog's JSON time layout <c>2006-01-02T15:04:05.000000Z07:00</c> (spec §4): six fractional digits, then
/// <c>Z</c> for UTC or <c>±hh:mm</c>. go-plugin treats a line whose <c>@timestamp</c> does not match as non-JSON.
/// </summary>
internal static class HclogTimestamp
{
    internal static string Format(DateTimeOffset time)
    {
        var text = time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff", CultureInfo.InvariantCulture);
        return time.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + time.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
