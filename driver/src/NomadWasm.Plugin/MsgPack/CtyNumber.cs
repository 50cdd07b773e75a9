using System.Globalization;
using System.Numerics;

namespace NomadWasm.Plugin.MsgPack;

/// <summary>
/// A cty number as it travels in msgpack (spec §12.2, CTY: cty/msgpack/marshal.go): an int when it is an integer that
/// fits int64, else a float64 when the value is exactly representable, else the decimal text as a msgpack str.
/// Holds whichever form arrived, without rounding.
/// </summary>
public readonly struct CtyNumber : IEquatable<CtyNumber>
{
    private readonly long _int;
    private readonly double _float;
    private readonly string? _text;
    private readonly Form _form;

    private CtyNumber(Form form, long integer, double floating, string? text)
    {
        _form = form;
        _int = integer;
        _float = floating;
        _text = text;
    }

    private enum Form : byte
    {
        Int64,
        UInt64,
        Float64,
        Decimal,
    }

    /// <summary>An integer number.</summary>
    public static CtyNumber FromInt64(long value) => new(Form.Int64, value, 0, null);

    /// <summary>An unsigned integer number (msgpack uint64 above <see cref="long.MaxValue"/>).</summary>
    public static CtyNumber FromUInt64(ulong value) =>
        value <= long.MaxValue ? FromInt64((long)value) : new(Form.UInt64, unchecked((long)value), 0, null);

    /// <summary>A binary floating-point number; NaN is not a cty number.</summary>
    public static CtyNumber FromDouble(double value) =>
        double.IsNaN(value) ? throw new ArgumentException("NaN is not a cty number.", nameof(value)) : new(Form.Float64, 0, value, null);

    /// <summary>Parses decimal text such as <c>"0.1"</c>, <c>"-12"</c> or <c>"1e3"</c>, as cty writes numbers it cannot send as int or float64.</summary>
    public static bool TryParse(string text, out CtyNumber number)
    {
        number = default;
        if (!TryParseRational(text, out _, out _))
        {
            return false;
        }

        number = new CtyNumber(Form.Decimal, 0, 0, text);
        return true;
    }

    /// <summary>True when the number is an integer that fits <see cref="long"/>.</summary>
    public bool TryGetInt64(out long value)
    {
        switch (_form)
        {
            case Form.Int64:
                value = _int;
                return true;
            case Form.Float64 when double.IsFinite(_float) && Math.Floor(_float) == _float && _float >= -9.2233720368547758E18 && _float < 9.2233720368547758E18:
                value = (long)_float;
                return true;
            case Form.Decimal when TryParseRational(_text!, out var numerator, out var scale) && IsInteger(numerator, scale, out var integer)
                && integer >= long.MinValue && integer <= long.MaxValue:
                value = (long)integer;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The nearest <see cref="double"/>.</summary>
    public double ToDouble() => _form switch
    {
        Form.Int64 => _int,
        Form.UInt64 => unchecked((ulong)_int),
        Form.Float64 => _float,
        _ => double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>The number as decimal text (the round-trip form for floats).</summary>
    public override string ToString() => _form switch
    {
        Form.Int64 => _int.ToString(CultureInfo.InvariantCulture),
        Form.UInt64 => unchecked((ulong)_int).ToString(CultureInfo.InvariantCulture),
        Form.Float64 => _float.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    /// <inheritdoc/>
    public bool Equals(CtyNumber other) => Classify(out var a, out var b, out var c) is var kind
        && other.Classify(out var oa, out var ob, out var oc) == kind
        && kind switch
        {
            WireForm.Int => a == oa,
            WireForm.Float => b.Equals(ob),
            _ => c == oc,
        };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CtyNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Classify(out var a, out var b, out var c) switch
    {
        WireForm.Int => a.GetHashCode(),
        WireForm.Float => b.GetHashCode(),
        _ => StringComparer.Ordinal.GetHashCode(c),
    };

    /// <summary>Equality by value, as cty compares numbers.</summary>
    public static bool operator ==(CtyNumber left, CtyNumber right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(CtyNumber left, CtyNumber right) => !left.Equals(right);

    internal enum WireForm
    {
        Int,
        Float,
        Text,
    }

    /// <summary>
    /// How cty's marshal writes this number: <c>bf.Int64()</c> exact → int; else <c>bf.Float64()</c> exact → float64;
    /// else <c>bf.Text('f', -1)</c> → str. ±Inf are float64.
    /// </summary>
    internal WireForm Classify(out long integer, out double floating, out string text)
    {
        integer = 0;
        floating = 0;
        text = string.Empty;
        if (TryGetInt64(out integer))
        {
            return WireForm.Int;
        }

        switch (_form)
        {
            case Form.Float64:
                floating = _float;
                return WireForm.Float;
            case Form.UInt64:
                var big = new BigInteger(unchecked((ulong)_int));
                floating = (double)big;
                if (new BigInteger(floating) == big)
                {
                    return WireForm.Float;
                }

                text = big.ToString(CultureInfo.InvariantCulture);
                return WireForm.Text;
            default:
                TryParseRational(_text!, out var numerator, out var scale);
                floating = double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(floating) && IsExactly(floating, numerator, scale))
                {
                    return WireForm.Float;
                }

                text = DecimalText(numerator, scale);
                return WireForm.Text;
        }
    }

    /// <summary>Parses [+-]digits[.digits][(e|E)[+-]digits] into numerator / 10^scale (scale ≥ 0).</summary>
    private static bool TryParseRational(string text, out BigInteger numerator, out int scale)
    {
        numerator = BigInteger.Zero;
        scale = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var exponentAt = span.IndexOfAny('e', 'E');
        var mantissa = exponentAt >= 0 ? span[..exponentAt] : span;
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(span[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        if (Math.Abs(exponent) > 10_000)
        {
            return false; // far outside anything HCL produces; refuse rather than build huge integers
        }

        var dot = mantissa.IndexOf('.');
        var integerDigits = dot >= 0 ? mantissa[..dot] : mantissa;
        var fractionDigits = dot >= 0 ? mantissa[(dot + 1)..] : [];
        if (integerDigits.Length + fractionDigits.Length == 0 || !IsDigits(integerDigits) || !IsDigits(fractionDigits))
        {
            return false;
        }

        var digits = string.Concat(integerDigits, fractionDigits);
        numerator = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        scale = fractionDigits.Length - exponent;
        if (scale < 0)
        {
            numerator *= BigInteger.Pow(10, -scale);
            scale = 0;
        }

        if (negative)
        {
            numerator = -numerator;
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInteger(BigInteger numerator, int scale, out BigInteger integer)
    {
        var divisor = BigInteger.Pow(10, scale);
        integer = BigInteger.DivRem(numerator, divisor, out var remainder);
        return remainder.IsZero;
    }

    /// <summary>True when <paramref name="value"/> equals numerator / 10^scale exactly.</summary>
    private static bool IsExactly(double value, BigInteger numerator, int scale)
    {
        // value = mantissa * 2^exponent with an integer mantissa.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa;
        int exponent;
        if (exponentBits == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1L << 52);
            exponent = exponentBits - 1075;
        }

        var left = negative ? -new BigInteger(mantissa) : new BigInteger(mantissa);
        var tens = BigInteger.Pow(10, scale);
        // numerator / 10^scale == left * 2^exponent
        return exponent >= 0
            ? numerator == left * BigInteger.Pow(2, exponent) * tens
            : numerator * BigInteger.Pow(2, -exponent) == left * tens;
    }

    /// <summary>big.Float Text('f', -1)-style: plain decimal, no exponent, no trailing fraction zeros.</summary>
    private static string DecimalText(BigInteger numerator, int scale)
    {
        var negative = numerator.Sign < 0;
        var digits = BigInteger.Abs(numerator).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            var whole = digits[..^scale];
            var fraction = digits[^scale..].TrimEnd('0');
            digits = fraction.Length == 0 ? whole : whole + "." + fraction;
        }

        return negative ? "-" + digits : digits;
    }
}
