using System.Globalization;

namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>
/// A parsed <c>redis://[[user]:password@]host[:port][/db]</c> address (default port 6379, db 0).
/// </summary>
internal sealed record RedisAddress(Uri Uri, string Host, int Port, string? User, string? Password, int Database)
{
    /// <summary>Parses an address; returns null when it is not a redis URL.</summary>
    public static RedisAddress? TryParse(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, "redis", StringComparison.OrdinalIgnoreCase) || uri.Host.Length == 0)
        {
            return null;
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                user = parts[0].Length == 0 ? null : Uri.UnescapeDataString(parts[0]);
                password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                password = Uri.UnescapeDataString(parts[0]);
            }
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && !int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database))
        {
            return null;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        var port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port;
        return new RedisAddress(uri, host, port, user, password, database);
    }

    /// <summary>The pool key: one pool per server, credentials and database.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{User}:{Password}@{Host}:{Port}/{Database}");
}
