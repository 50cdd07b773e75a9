namespace NomadWasm.Spin.Manifest;

/// <summary>
/// A component's parsed <c>allowed_outbound_hosts</c> list (spec §4.3). Immutable; templates are
/// resolved before parsing.
/// </summary>
public sealed partial class AllowedOutboundHosts
{
    private readonly AllowedHostEntry[] _entries;

    private AllowedOutboundHosts(AllowedHostEntry[] entries) => _entries = entries;

    /// <summary>The empty list: no outbound networking.</summary>
    public static AllowedOutboundHosts None { get; } = new([]);

    /// <summary>The parsed entries, in manifest order.</summary>
    public IReadOnlyList<AllowedHostEntry> Entries => _entries;

    /// <summary>True when no entry is present (no outbound networking at all).</summary>
    public bool IsEmpty => _entries.Length == 0;

    /// <summary>
    /// True when an outbound request to <paramref name="uri"/> is allowed. Relative URIs are
    /// self requests (see <see cref="AllowsSelf"/>). A missing port means the scheme's default.
    /// </summary>
    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return AllowsSelf("http");
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        if (string.Equals(host, "self.alt", StringComparison.OrdinalIgnoreCase))
        {
            return AllowsSelf(uri.Scheme);
        }

        var port = uri.IsDefaultPort ? DefaultPort(uri.Scheme) ?? uri.Port : uri.Port;
        return IsAllowed(uri.Scheme, host, port);
    }

    /// <summary>True when some entry allows <paramref name="scheme"/>://<paramref name="host"/>:<paramref name="port"/>.</summary>
    public bool IsAllowed(string scheme, string host, int port)
    {
        foreach (var entry in _entries)
        {
            if (entry.Host is not HostPattern.Self && entry.MatchesScheme(scheme) && entry.Host.Matches(host) && entry.Ports.Matches(port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the component may make "self" requests (relative URLs or host <c>self.alt</c>) with
    /// <paramref name="scheme"/>: some entry's host is <c>self</c>/<c>self.alt</c>, or <c>*</c> with
    /// scheme http/https (spec §2.10).
    /// </summary>
    public bool AllowsSelf(string scheme)
    {
        foreach (var entry in _entries)
        {
            if (!entry.MatchesScheme(scheme))
            {
                continue;
            }

            if (entry.Host is HostPattern.Self || entry.Host is HostPattern.Any)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The default port of a scheme, or null when it has none (spec §4.3).</summary>
    public static int? DefaultPort(string scheme) => scheme.ToLowerInvariant() switch
    {
        "http" => 80,
        "https" => 443,
        "redis" => 6379,
        "mysql" => 3306,
        "postgres" => 5432,
        "mqtt" => 1883,
        _ => null,
    };
}
