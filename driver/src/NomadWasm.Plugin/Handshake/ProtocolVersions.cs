namespace NomadWasm.Plugin.Handshake;

/// <summary>
/// Version negotiation (spec §3.2). The core protocol is always 1. The app protocol is picked from
/// <c>PLUGIN_PROTOCOL_VERSIONS</c> (comma-separated, Nomad sends "2"): the highest version both sides know.
/// Like go-plugin (GP:server.go protocolVersion), with no overlap we still announce our own highest version and let the
/// client refuse it, which gives the operator go-plugin's own "incompatible API version" error.
/// </summary>
internal static class ProtocolVersions
{
    internal const int Core = 1;
    internal const string EnvironmentVariable = "PLUGIN_PROTOCOL_VERSIONS";

    internal readonly record struct Negotiated(int AppVersion, bool ClientAccepts, IReadOnlyList<string> InvalidEntries);

    internal static Negotiated Negotiate(string? clientVersions, IReadOnlyList<int> supported)
    {
        var best = supported.Max();
        if (string.IsNullOrWhiteSpace(clientVersions))
        {
            return new Negotiated(best, ClientAccepts: true, []);
        }

        var invalid = new List<string>();
        var chosen = -1;
        foreach (var part in clientVersions.Split(','))
        {
            if (!int.TryParse(part.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                invalid.Add(part);
                continue;
            }

            if (supported.Contains(version) && version > chosen)
            {
                chosen = version;
            }
        }

        return chosen < 0 ? new Negotiated(best, ClientAccepts: false, invalid) : new Negotiated(chosen, ClientAccepts: true, invalid);
    }
}
