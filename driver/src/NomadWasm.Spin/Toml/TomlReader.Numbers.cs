using System.Globalization;
using System.Text.RegularExpressions;

namespace NomadWasm.Spin.Toml;

/// <summary>Integers, floats and date/times (TOML 1.0 "Integer", "Float", "Offset Date-Time" ... "Local Time").</summary>
internal sealed partial class TomlReader
{
    private TomlValue ParseNumberOrDateTime(int line, int column)
    {
        var start = _pos;
        ScanToken();
        var token = _text[start.._pos];

        // A date followed by a space and a digit is a date-time with a space separator.
        if (DateOnlyRegex().IsMatch(token) && Peek(0) == ' ' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            ScanToken();
            token = _text[start.._pos];
        }

        var looksLikeDate = token.Length >= 5 && token.Take(4).All(char.IsAsciiDigit) && token[4] == '-';
        var looksLikeTime = token.Length >= 3 && char.IsAsciiDigit(token[0]) && char.IsAsciiDigit(token[1]) && token[2] == ':';
        if (looksLikeDate || looksLikeTime)
        {
            return ParseDateTime(token, start, line, column);
        }

        return ParseNumber(token, start, line, column);
    }

    private void ScanToken()
    {
        while (!AtEnd && (IsBareKeyChar(_text[_pos]) || _text[_pos] is '+' or '.' or ':'))
        {
            _pos++;
        }
    }

    private TomlValue ParseNumber(string token, int start, int line, int column)
    {
        var negative = token.StartsWith('-');
        var signed = negative || token.StartsWith('+');
        var body = signed ? token[1..] : token;

        if (body is "inf" or "nan")
        {
            var value = body == "nan" ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
            return new TomlFloat(value) { Line = line, Column = column };
        }

        if (body.Length > 0 && char.IsAsciiLetter(body[0]))
        {
            throw ErrorAt(start, $"invalid value `{token}` (strings must be quoted; booleans are `true`/`false`)");
        }

        if (body.Length >= 2 && body[0] == '0' && body[1] is 'x' or 'o' or 'b')
        {
            if (signed)
            {
                throw ErrorAt(start, $"invalid integer `{token}`: hexadecimal, octal and binary integers cannot have a sign");
            }

            return ParseRadixInteger(token, start, line, column);
        }

        if (token.Length == 0)
        {
            throw ErrorAt(start, $"expected a value, found {Describe(_text[start])}");
        }

        var isFloat = body.Contains('.', StringComparison.Ordinal) || body.Contains('e', StringComparison.Ordinal) || body.Contains('E', StringComparison.Ordinal);
        if (isFloat)
        {
            var m = FloatRegex().Match(token);
            if (!m.Success || (!m.Groups["frac"].Success && !m.Groups["exp"].Success))
            {
                throw ErrorAt(start, $"invalid float `{token}`{UnderscoreHint(token)}");
            }

            CheckLeadingZero(m.Groups["int"].Value, token, start);
            var value = double.Parse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                throw ErrorAt(start, $"float `{token}` is out of range");
            }

            return new TomlFloat(value) { Line = line, Column = column };
        }

        if (!DecimalIntegerRegex().IsMatch(token))
        {
            throw ErrorAt(start, $"invalid integer `{token}`{UnderscoreHint(token)}");
        }

        CheckLeadingZero(body, token, start);
        if (!long.TryParse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            throw ErrorAt(start, $"integer `{token}` does not fit in 64 bits");
        }

        return new TomlInteger(integer) { Line = line, Column = column };
    }

    private TomlInteger ParseRadixInteger(string token, int start, int line, int column)
    {
        var (radix, regex) = token[1] switch
        {
            'x' => (16, HexRegex()),
            'o' => (8, OctalRegex()),
            _ => (2, BinaryRegex()),
        };
        if (!regex.IsMatch(token))
        {
            throw ErrorAt(start, $"invalid integer `{token}`{UnderscoreHint(token)}");
        }

        ulong value = 0;
        foreach (var c in token.AsSpan(2))
        {
            if (c == '_')
            {
                continue;
            }

            var digit = (ulong)(c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a' + 10));
            if (value > (long.MaxValue - digit) / (ulong)radix)
            {
                throw ErrorAt(start, $"integer `{token}` does not fit in 64 bits");
            }

            value = (value * (ulong)radix) + digit;
        }

        return new TomlInteger((long)value) { Line = line, Column = column };
    }

    private void CheckLeadingZero(string integerPart, string token, int start)
    {
        var digits = integerPart.TrimStart('+', '-').Replace("_", "", StringComparison.Ordinal);
        if (digits.Length > 1 && digits[0] == '0')
        {
            throw ErrorAt(start, $"invalid number `{token}`: leading zeros are not allowed");
        }
    }

    private static string UnderscoreHint(string token) =>
        token.Contains("__", StringComparison.Ordinal) || token.StartsWith('_') || token.EndsWith('_') ||
        token.Contains("_.", StringComparison.Ordinal) || token.Contains("._", StringComparison.Ordinal) ||
        token.Contains("_e", StringComparison.OrdinalIgnoreCase) || token.Contains("e_", StringComparison.OrdinalIgnoreCase)
            ? ": each underscore must be between two digits"
            : "";

    private TomlDateTime ParseDateTime(string token, int start, int line, int column)
    {
        var date = DateOnlyRegex().Match(token);
        if (date.Success)
        {
            var (y, mo, d) = CheckDate(date, token, start);
            return new TomlDateTime { Kind = TomlDateTimeKind.LocalDate, Year = y, Month = mo, Day = d, Line = line, Column = column };
        }

        var time = TimeOnlyRegex().Match(token);
        if (time.Success)
        {
            var (h, mi, s) = CheckTime(time, token, start);
            return new TomlDateTime
            {
                Kind = TomlDateTimeKind.LocalTime,
                Hour = h,
                Minute = mi,
                Second = s,
                Fraction = time.Groups["frac"].Value,
                Line = line,
                Column = column,
            };
        }

        var full = DateTimeRegex().Match(token);
        if (!full.Success)
        {
            throw ErrorAt(start, $"invalid date-time `{token}`: expected RFC 3339 such as 1979-05-27T07:32:00Z, 1979-05-27, or 07:32:00");
        }

        var (year, month, day) = CheckDate(full, token, start);
        var (hour, minute, second) = CheckTime(full, token, start);
        var offsetText = full.Groups["off"].Value;
        var offsetMinutes = 0;
        if (offsetText.Length == 6)
        {
            var oh = int.Parse(offsetText.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var om = int.Parse(offsetText.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (oh > 23 || om > 59)
            {
                throw ErrorAt(start, $"invalid date-time `{token}`: offset out of range");
            }

            offsetMinutes = (offsetText[0] == '-' ? -1 : 1) * ((oh * 60) + om);
        }

        return new TomlDateTime
        {
            Kind = offsetText.Length == 0 ? TomlDateTimeKind.LocalDateTime : TomlDateTimeKind.OffsetDateTime,
            Year = year,
            Month = month,
            Day = day,
            Hour = hour,
            Minute = minute,
            Second = second,
            Fraction = full.Groups["frac"].Value,
            OffsetMinutes = offsetMinutes,
            IsUtcDesignator = offsetText is "Z" or "z",
            Line = line,
            Column = column,
        };
    }

    private (int Year, int Month, int Day) CheckDate(Match m, string token, int start)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["mo"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            throw ErrorAt(start, $"invalid date `{token}`: month {month} is out of range");
        }

        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int[] lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if (day < 1 || day > lengths[month - 1])
        {
            throw ErrorAt(start, $"invalid date `{token}`: day {day} is out of range for month {month}");
        }

        return (year, month, day);
    }

    private (int Hour, int Minute, int Second) CheckTime(Match m, string token, int start)
    {
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw ErrorAt(start, $"invalid time in `{token}`: hour, minute or second out of range");
        }

        return (hour, minute, second);
    }

    [GeneratedRegex(@"^[+-]?[0-9](?:_?[0-9])*$")]
    private static partial Regex DecimalIntegerRegex();

    [GeneratedRegex(@"^[+-]?(?<int>[0-9](?:_?[0-9])*)(?:\.(?<frac>[0-9](?:_?[0-9])*))?(?:[eE](?<exp>[+-]?[0-9](?:_?[0-9])*))?$")]
    private static partial Regex FloatRegex();

    [GeneratedRegex(@"^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$")]
    private static partial Regex HexRegex();

    [GeneratedRegex(@"^0o[0-7](?:_?[0-7])*$")]
    private static partial Regex OctalRegex();

    [GeneratedRegex(@"^0b[01](?:_?[01])*$")]
    private static partial Regex BinaryRegex();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})$")]
    private static partial Regex DateOnlyRegex();

    [GeneratedRegex(@"^(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<frac>[0-9]+))?$")]
    private static partial Regex TimeOnlyRegex();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt ](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<frac>[0-9]+))?(?<off>[Zz]|[+-][0-9]{2}:[0-9]{2})?$")]
    private static partial Regex DateTimeRegex();
}
