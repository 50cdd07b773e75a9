using System.Globalization;

namespace NomadWasm.Spin.Manifest;

/// <summary>The port part of an allowed-host entry: <c>*</c>, a number, or a range <c>a..b</c> (end exclusive).</summary>
/// <param name="Start">First allowed port.</param>
/// <param name="EndExclusive">One past the last allowed port.</param>
/// <param name="IsAny">True for <c>*</c>: any port, including "no port" for schemes without a default.</param>
public sealed record PortPattern(int Start, int EndExclusive, bool IsAny = false)
{
    /// <summary>Any port (<c>*</c>).</summary>
    public static PortPattern Any { get; } = new(0, 65536, IsAny: true);

    /// <summary>A single port.</summary>
    public static PortPattern Single(int port) => new(port, port + 1);

    /// <summary>True when <paramref name="port"/> is allowed; null means the URL named no port and the scheme has no default.</summary>
    public bool Matches(int? port) => IsAny || (port is { } p && p >= Start && p < EndExclusive);

    /// <inheritdoc/>
    public override string ToString() =>
        IsAny ? "*" : EndExclusive == Start + 1 ? Start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Start}..{EndExclusive}");
}
