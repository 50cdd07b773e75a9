namespace NomadWasm.Spin.Manifest;

/// <summary>
/// A component's parsed <c>allowed_outbound_hosts</c> list (spec §4.3;
/// crates/outbound-networking-config/src/allowed_hosts.rs). Immutable; templates are resolved before parsing.
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
    /// Parses entries (already template-resolved). Throws <see cref="FormatException"/> naming the bad entry.
    /// A lone <c>insecure:allow-all</c> is rejected as in Spin.
    /// </summary>
    public static AllowedOutboundHosts Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        if (list.Count == 1 && list[0] == "insecure:allow-all")
        {
            throw new FormatException("'insecure:allow-all' is not allowed - use '*://*:*' instead if you really want to allow all outbound traffic");
        }

        return new AllowedOutboundHosts([.. list.Select(AllowedHostEntry.Parse)]);
    }

    /// <summary>
    /// True when an outbound request to <paramref name="uri"/> is allowed. Relative URIs and host
    /// <c>self.alt</c> are self requests (see <see cref="AllowsSelf"/>). A URI without an explicit port
    /// uses the scheme's default port.
    /// </summary>
    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return AllowsSelf("http") || AllowsSelf("https");
        }

        if (string.Equals(uri.Host, "self.alt", StringComparison.OrdinalIgnoreCase))
        {
            return AllowsSelf(uri.Scheme);
        }

        int? port = uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port;
        return IsAllowed(uri.Scheme, uri.Host, port);
    }

    /// <summary>
    /// True when some entry allows <paramref name="scheme"/>://<paramref name="host"/>:<paramref name="port"/>;
    /// a null port means "not given" (the scheme's default port applies). IPv6 hosts may be bracketed or not.
    /// </summary>
    public bool IsAllowed(string scheme, string host, int? port)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(host);
        var effectivePort = port ?? DefaultPort(scheme);
        foreach (var entry in _entries)
        {
            if (entry.MatchesScheme(scheme) && entry.Host.Matches(host) && entry.Ports.Matches(effectivePort))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the component may make "self" requests (relative URLs or host <c>self.alt</c>) with
    /// <paramref name="scheme"/>: some entry whose scheme matches has host <c>self</c>, <c>self.alt</c> or <c>*</c>
    /// (spec §2.10).
    /// </summary>
    public bool AllowsSelf(string scheme)
    {
        foreach (var entry in _entries)
        {
            if (entry.MatchesScheme(scheme) && entry.Host is HostPattern.Self or HostPattern.Any)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The default port of a scheme, or null when it has none (spec §4.3).</summary>
    public static int? DefaultPort(string scheme) => scheme?.ToLowerInvariant() switch
    {
        "http" => 80,
        "https" => 443,
        "redis" => 6379,
        "mysql" => 3306,
        "postgres" => 5432,
        "mqtt" => 1883,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _entries.Select(e => e.Text));
}
