using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NomadWasm.Host;

/// <summary>
/// Parses <c>--listen</c> values the way Spin does (spec §2.1): <c>host:port</c>, <c>[v6]:port</c>;
/// host names are resolved and an IPv4 loopback result is preferred, else the first address.
/// </summary>
internal static class ListenAddress
{
    public const string Default = "127.0.0.1:3000";

    /// <exception cref="FormatException">The value is not <c>host:port</c> or the host does not resolve; the message names the value.</exception>
    public static IPEndPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw new FormatException($"invalid listen address '{text}': expected HOST:PORT, e.g. {Default}");
        }

        var hostText = text[..colon];
        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"invalid listen address '{text}': the port must be a number from 0 to 65535");
        }

        if (hostText.StartsWith('[') && hostText.EndsWith(']'))
        {
            hostText = hostText[1..^1];
        }

        if (IPAddress.TryParse(hostText, out var address))
        {
            return new IPEndPoint(address, port);
        }

        IPAddress[] resolved;
        try
        {
            resolved = Dns.GetHostAddresses(hostText);
        }
        catch (SocketException e)
        {
            throw new FormatException($"invalid listen address '{text}': cannot resolve '{hostText}': {e.Message}", e);
        }

        if (resolved.Length == 0)
        {
            throw new FormatException($"invalid listen address '{text}': '{hostText}' has no addresses");
        }

        var chosen = resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && IPAddress.IsLoopback(a)) ?? resolved[0];
        return new IPEndPoint(chosen, port);
    }
}
