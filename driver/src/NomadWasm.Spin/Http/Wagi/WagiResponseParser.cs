using System.Text;

namespace NomadWasm.Spin.Http.Wagi;

/// <summary>
/// Turns a Wagi guest's stdout into an HTTP response (spec §3a "Response parsing"; Spin's
/// <c>compose_response</c>): header lines up to the first empty line (CR bytes dropped), then the
/// body verbatim. <c>status: CODE [reason]</c> sets the status (unparsable → 502); <c>location</c>
/// sets <c>Location</c> and 302 unless a status was given; other valid names are copied. At least one
/// of <c>content-type</c>, <c>location</c>, <c>status</c> must be present, else 500 with an
/// explanatory body. Empty stdout is a guest failure.
/// </summary>
internal static class WagiResponseParser
{
    public const string InsufficientHeadersMessage = "Exactly one of 'location' or 'content-type' must be specified";

    /// <summary>Parses <paramref name="stdout"/>; returns null when it is empty (the caller answers 500).</summary>
    public static GuestHttpResponse? Parse(ReadOnlySpan<byte> stdout)
    {
        if (stdout.IsEmpty)
        {
            return null;
        }

        var (headerText, body) = Split(stdout);
        var headers = new List<KeyValuePair<string, string>>();
        var status = 200;
        var explicitStatus = false;
        var sufficient = false;

        foreach (var line in headerText.Trim().Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue; // malformed header lines are skipped (Spin logs "corrupt header")
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (name.ToLowerInvariant())
            {
                case "status":
                    sufficient = true;
                    explicitStatus = true;
                    status = ParseStatus(value);
                    break;
                case "location":
                    sufficient = true;
                    Set(headers, "location", value);
                    if (!explicitStatus)
                    {
                        status = 302;
                    }

                    break;
                case "content-type":
                    sufficient = true;
                    Set(headers, "content-type", value);
                    break;
                default:
                    if (IsValidHeaderName(name))
                    {
                        Set(headers, name.ToLowerInvariant(), value);
                    }

                    break;
            }
        }

        if (!sufficient)
        {
            return new GuestHttpResponse(500, [], Encoding.UTF8.GetBytes(InsufficientHeadersMessage));
        }

        return new GuestHttpResponse(status, headers, body);
    }

    /// <summary>
    /// Splits stdout at the first <c>\n\n</c> (ignoring CRs). Without that separator everything is
    /// body and there are no headers, as in Spin.
    /// </summary>
    private static (string Headers, byte[] Body) Split(ReadOnlySpan<byte> stdout)
    {
        var headerBytes = new List<byte>(Math.Min(stdout.Length, 512));
        byte last = 0;
        for (var i = 0; i < stdout.Length; i++)
        {
            var b = stdout[i];
            if (b == (byte)'\r')
            {
                continue;
            }

            if (b == (byte)'\n' && last == (byte)'\n')
            {
                return (Encoding.UTF8.GetString(headerBytes.ToArray()), stdout[(i + 1)..].ToArray());
            }

            last = b;
            headerBytes.Add(b);
        }

        // No separator: the whole output (CRs kept) is the body.
        return ("", stdout.ToArray());
    }

    private static int ParseStatus(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var code = space < 0 ? value : value[..space];
        // hyper's StatusCode accepts exactly three digits, 100..=999.
        return code.Length == 3 && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= 100
            ? parsed
            : 502;
    }

    private static void Set(List<KeyValuePair<string, string>> headers, string name, string value)
    {
        headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.Ordinal));
        headers.Add(new(name, value));
    }

    /// <summary>RFC 9110 token characters.</summary>
    internal static bool IsValidHeaderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
