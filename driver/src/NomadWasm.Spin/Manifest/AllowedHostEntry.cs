namespace NomadWasm.Spin.Manifest;

/// <summary>One parsed <c>allowed_outbound_hosts</c> entry: <c>scheme://host[:port]</c> (spec §4.3).</summary>
/// <param name="Scheme">The scheme in lower case, or <c>*</c> for any scheme.</param>
/// <param name="Host">The host pattern.</param>
/// <param name="Ports">The allowed ports.</param>
/// <param name="Text">The entry as written (after template resolution).</param>
public sealed record AllowedHostEntry(string Scheme, HostPattern Host, PortPattern Ports, string Text)
{
    /// <summary>True when the entry's scheme matches <paramref name="scheme"/> (case-insensitive).</summary>
    public bool MatchesScheme(string scheme) =>
        Scheme == "*" || string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
