namespace NomadWasm.Spin.Manifest;

/// <summary>The port part of an allowed-host entry: <c>*</c>, a number, or a range <c>a..b</c> (end exclusive).</summary>
/// <param name="Start">First allowed port.</param>
/// <param name="EndExclusive">One past the last allowed port.</param>
public sealed record PortPattern(int Start, int EndExclusive)
{
    /// <summary>Any port (<c>*</c>).</summary>
    public static PortPattern Any { get; } = new(0, 65536);

    /// <summary>A single port.</summary>
    public static PortPattern Single(int port) => new(port, port + 1);

    /// <summary>True when <paramref name="port"/> is allowed.</summary>
    public bool Matches(int port) => port >= Start && port < EndExclusive;

    /// <inheritdoc/>
    public override string ToString() =>
        this == Any ? "*" : EndExclusive == Start + 1 ? Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Start}..{EndExclusive}";
}
