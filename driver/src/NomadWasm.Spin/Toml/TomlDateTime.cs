using System.Globalization;

namespace NomadWasm.Spin.Toml;

/// <summary>The four TOML date/time types.</summary>
internal enum TomlDateTimeKind
{
    OffsetDateTime,
    LocalDateTime,
    LocalDate,
    LocalTime,
}

/// <summary>
/// A TOML date/time. Fields not present in <see cref="Kind"/> are zero. The fraction of a second is
/// kept as its digit string, so no precision is lost.
/// </summary>
internal sealed class TomlDateTime : TomlValue
{
    public required TomlDateTimeKind Kind { get; init; }

    public int Year { get; init; }

    public int Month { get; init; }

    public int Day { get; init; }

    public int Hour { get; init; }

    public int Minute { get; init; }

    public int Second { get; init; }

    /// <summary>Digits after the decimal point of the seconds, or empty.</summary>
    public string Fraction { get; init; } = "";

    /// <summary>Offset from UTC in minutes (offset date-times only).</summary>
    public int OffsetMinutes { get; init; }

    /// <summary>True when the offset was written <c>Z</c>.</summary>
    public bool IsUtcDesignator { get; init; }

    public override string TypeName => Kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "offset date-time",
        TomlDateTimeKind.LocalDateTime => "local date-time",
        TomlDateTimeKind.LocalDate => "local date",
        _ => "local time",
    };

    /// <summary>RFC 3339 text: <c>T</c> separator, upper-case <c>Z</c>, fraction as written.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var date = string.Create(inv, $"{Year:D4}-{Month:D2}-{Day:D2}");
        var time = string.Create(inv, $"{Hour:D2}:{Minute:D2}:{Second:D2}") + (Fraction.Length > 0 ? "." + Fraction : "");
        string offset;
        if (IsUtcDesignator)
        {
            offset = "Z";
        }
        else
        {
            var abs = Math.Abs(OffsetMinutes);
            offset = string.Create(inv, $"{(OffsetMinutes < 0 ? '-' : '+')}{abs / 60:D2}:{abs % 60:D2}");
        }

        return Kind switch
        {
            TomlDateTimeKind.OffsetDateTime => date + "T" + time + offset,
            TomlDateTimeKind.LocalDateTime => date + "T" + time,
            TomlDateTimeKind.LocalDate => date,
            _ => time,
        };
    }
}
