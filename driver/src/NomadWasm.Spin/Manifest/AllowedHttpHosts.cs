namespace NomadWasm.Spin.Manifest;

/// <summary>
/// The deprecated <c>allowed_http_hosts</c> list and its conversion to <c>allowed_outbound_hosts</c>
/// (crates/manifest/src/compat.rs, compat/allowed_http_hosts.rs; spec §1.6, §1.11).
/// </summary>
internal static class AllowedHttpHosts
{
    private const string AllowAll = "insecure:allow-all";

    /// <summary>
    /// Converts entries. <c>insecure:allow-all</c> anywhere → <c>http://*:*</c>, <c>https://*:*</c>,
    /// <c>http://self</c>; <c>self</c> → <c>http://self</c>; <c>host[:port]</c> or an http(s) URL →
    /// <c>http://host[:port]</c> and <c>https://host[:port]</c>. With <paramref name="allowDatabaseAccess"/>
    /// the list starts with <c>redis://*:*</c>, <c>mysql://*:*</c>, <c>postgres://*:*</c>.
    /// </summary>
    public static IReadOnlyList<string> ConvertToOutboundHosts(IReadOnlyList<string> entries, bool allowDatabaseAccess)
    {
        var result = new List<string>();
        if (allowDatabaseAccess)
        {
            result.AddRange(["redis://*:*", "mysql://*:*", "postgres://*:*"]);
        }

        if (entries.Contains(AllowAll))
        {
            result.AddRange(["http://*:*", "https://*:*", "http://self"]);
            return result;
        }

        var errors = new List<string>();
        foreach (var entry in entries)
        {
            var parsed = ParseEntry(entry, out var error);
            if (parsed is not { } hostAndPort)
            {
                errors.Add(error!);
                continue;
            }

            if (hostAndPort.Host == "self")
            {
                result.Add("http://self");
                continue;
            }

            var port = hostAndPort.Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            result.Add($"http://{hostAndPort.Host}{port}");
            result.Add($"https://{hostAndPort.Host}{port}");
        }

        if (errors.Count > 0)
        {
            throw new FormatException("One or more allowed_http_hosts entries was invalid: " + string.Join("; ", errors));
        }

        return result;
    }

    private static (string Host, int? Port)? ParseEntry(string text, out string? error)
    {
        error = null;
        Uri? uri;
        if (text.Contains("//", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out uri))
            {
                error = $"{text} isn't a valid HTTP host URL";
                return null;
            }

            if (uri.Scheme is not ("http" or "https"))
            {
                error = $"{text} isn't a valid host or host:port string";
                return null;
            }
        }
        else if (!Uri.TryCreate("http://" + text, UriKind.Absolute, out uri))
        {
            error = $"{text} isn't a valid host or host:port string";
            return null;
        }

        if (uri.Host.Length == 0)
        {
            error = $"{text} doesn't contain a host name";
            return null;
        }

        if (uri.AbsolutePath.Length > 1 || uri.Query.Length > 0)
        {
            error = $"{text} contains a path, should be host and optional port only";
            return null;
        }

        return (uri.Host, uri.IsDefaultPort ? null : uri.Port);
    }
}
