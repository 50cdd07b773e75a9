using System.Globalization;
using System.Net;

namespace NomadWasm.Spin.Manifest;

/// <summary>One parsed <c>allowed_outbound_hosts</c> entry: <c>scheme://host[:port]</c> (spec §4.3).</summary>
/// <param name="Scheme">The scheme, or <c>*</c> for any scheme.</param>
/// <param name="Host">The host pattern.</param>
/// <param name="Ports">The allowed ports.</param>
/// <param name="Text">The entry as written (after template resolution).</param>
public sealed record AllowedHostEntry(string Scheme, HostPattern Host, PortPattern Ports, string Text)
{
    private const string FormatHelp = "Hosts must be in the form <scheme>://<host>[:<port>], with '*' wildcards allowed for each.";

    /// <summary>True when the entry's scheme matches <paramref name="scheme"/> (case-insensitive).</summary>
    public bool MatchesScheme(string scheme) =>
        Scheme == "*" || string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses one entry; throws <see cref="FormatException"/> with Spin's reasons.</summary>
    public static AllowedHostEntry Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var url = text.Trim();
        var sep = url.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0)
        {
            throw new FormatException(url is "*" or ":" or "" or "?"
                ? $"\"{url}\" is not an allowed outbound host format. {FormatHelp} To allow all outbound networking use '*://*:*'."
                : $"\"{url}\" does not contain a scheme (e.g., 'http://' or '*://')");
        }

        var scheme = url[..sep];
        var rest = url[(sep + 3)..];
        var colon = rest.LastIndexOf(':');
        var host = colon < 0 ? rest : rest[..colon];
        var portText = colon < 0 ? "" : rest[(colon + 1)..];
        var slash = portText.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (slash != portText.Length - 1)
            {
                throw new FormatException($"\"{url}\" has a path but is not allowed to");
            }

            portText = portText[..slash];
        }

        return new AllowedHostEntry(ParseScheme(scheme, url), ParseHost(host, url), ParsePort(portText, scheme, url), text);
    }

    private static string ParseScheme(string scheme, string url)
    {
        if (scheme == "*")
        {
            return scheme;
        }

        if (scheme.StartsWith('{'))
        {
            throw new FormatException($"\"{url}\": scheme lists are not yet supported");
        }

        if (scheme.Length == 0 || !scheme.All(char.IsLetter))
        {
            throw new FormatException($"\"{url}\": scheme \"{scheme}\" contains a non-alphabetic character");
        }

        return scheme;
    }

    private static HostPattern ParseHost(string host, string url)
    {
        host = host.Trim();
        if (host == "*")
        {
            return new HostPattern.Any();
        }

        if (host is "self" or "self.alt")
        {
            return new HostPattern.Self(host);
        }

        if (host.StartsWith('{'))
        {
            throw new FormatException($"\"{url}\": host lists are not yet supported");
        }

        if (TryParseCidr(host, out var network))
        {
            return new HostPattern.Cidr(network);
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && slash < host.Length - 1)
        {
            throw new FormatException($"\"{url}\": hosts must not contain paths");
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var domain = host[2..].TrimEnd('/');
            if (domain.Contains('*', StringComparison.Ordinal))
            {
                throw new FormatException($"Invalid allowed host {host}: wildcards are allowed only as prefixes");
            }

            return new HostPattern.Subdomain(domain);
        }

        if (host.Contains('*', StringComparison.Ordinal))
        {
            throw new FormatException($"Invalid allowed host {host}: wildcards are allowed only as subdomains");
        }

        host = host.TrimEnd('/');
        if (host.Length == 0)
        {
            throw new FormatException($"\"{url}\" does not contain a host");
        }

        return new HostPattern.Exact(host);
    }

    /// <summary>A CIDR <c>addr/len</c>; host bits are truncated (as ip_network's <c>from_str_truncate</c>).</summary>
    private static bool TryParseCidr(string host, out IPNetwork network)
    {
        network = default;
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 ||
            !IPAddress.TryParse(host[..slash], out var address) ||
            !int.TryParse(host[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return false;
        }

        var bits = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (length > bits)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IPNetwork(new IPAddress(bytes), length);
        return true;
    }

    private static PortPattern ParsePort(string port, string scheme, string url)
    {
        if (port.Length == 0)
        {
            return AllowedOutboundHosts.DefaultPort(scheme) is { } p
                ? PortPattern.Single(p)
                : throw new FormatException($"\"{url}\": no port was provided and the scheme \"{scheme}\" does not have a known default port number");
        }

        if (port == "*")
        {
            return PortPattern.Any;
        }

        if (port.StartsWith('{'))
        {
            throw new FormatException($"\"{url}\": port lists are not yet supported");
        }

        var range = port.IndexOf("..", StringComparison.Ordinal);
        if (range >= 0)
        {
            if (!ushort.TryParse(port[..range], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
                !ushort.TryParse(port[(range + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
            {
                throw new FormatException($"\"{url}\": port range \"{port}\" contains non-number");
            }

            return new PortPattern(start, end);
        }

        return ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var single)
            ? PortPattern.Single(single)
            : throw new FormatException($"\"{url}\": port \"{port}\" is not a number");
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
