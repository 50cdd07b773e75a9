using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace NomadWasm.Plugin.MsgPack;

/// <summary>
/// Encodes a <see cref="CtyValue"/> exactly as cty's <c>msgpack.Marshal(val, val.Type())</c> does (spec §12.2,
/// CTY: cty/msgpack/marshal.go with vmihailenco/msgpack compact ints): ints in the smallest encoding (uint family for
/// ≥ 0), float64 never float32, other numbers as decimal text, map and object keys sorted by their UTF-8 bytes, unknown
/// as <c>d4 00 00</c>. The Nomad-client simulator uses it to build <c>msgpack_config</c> / <c>msgpack_driver_config</c>.
/// </summary>
public static class MsgPackCtyEncoder
{
    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(CtyValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends the encoding of <paramref name="value"/> to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, CtyValue value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);
        switch (value.Kind)
        {
            case CtyValueKind.Null:
                WriteByte(output, MsgPackCode.Nil);
                break;
            case CtyValueKind.Unknown:
                var unknown = output.GetSpan(3);
                unknown[0] = MsgPackCode.FixExt1;
                unknown[1] = (byte)MsgPackCode.UnknownExtType;
                unknown[2] = 0;
                output.Advance(3);
                break;
            case CtyValueKind.Bool:
                WriteByte(output, value.AsBool() ? MsgPackCode.True : MsgPackCode.False);
                break;
            case CtyValueKind.Number:
                WriteNumber(output, value.AsNumber());
                break;
            case CtyValueKind.String:
                WriteString(output, value.AsString());
                break;
            case CtyValueKind.Array:
                var elements = value.Elements;
                WriteHeader(output, elements.Count, MsgPackCode.FixArrayLow, MsgPackCode.Array16, MsgPackCode.Array32);
                for (var i = 0; i < elements.Count; i++)
                {
                    Write(output, elements[i]);
                }

                break;
            default:
                var attributes = value.Attributes;
                var keys = new string[attributes.Count];
                var k = 0;
                foreach (var key in attributes.Keys)
                {
                    keys[k++] = key;
                }

                System.Array.Sort(keys, Utf8Order);
                WriteHeader(output, keys.Length, MsgPackCode.FixMapLow, MsgPackCode.Map16, MsgPackCode.Map32);
                foreach (var key in keys)
                {
                    WriteString(output, key);
                    Write(output, attributes[key]);
                }

                break;
        }
    }

    internal static void WriteNumber(IBufferWriter<byte> output, CtyNumber number)
    {
        switch (number.Classify(out var integer, out var floating, out var text))
        {
            case CtyNumber.WireForm.Int:
                WriteInteger(output, integer);
                break;
            case CtyNumber.WireForm.Float:
                var span = output.GetSpan(9);
                span[0] = MsgPackCode.Float64;
                BinaryPrimitives.WriteDoubleBigEndian(span[1..], floating);
                output.Advance(9);
                break;
            default:
                WriteString(output, text);
                break;
        }
    }

    /// <summary>vmihailenco/msgpack EncodeInt with compact ints: non-negative values use the uint family.</summary>
    internal static void WriteInteger(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(9);
        int written;
        if (value >= 0)
        {
            written = value switch
            {
                <= MsgPackCode.PositiveFixIntMax => Put(span, (byte)value),
                <= byte.MaxValue => Put(span, MsgPackCode.Uint8, (byte)value),
                <= ushort.MaxValue => Put16(span, MsgPackCode.Uint16, (ushort)value),
                <= uint.MaxValue => Put32(span, MsgPackCode.Uint32, (uint)value),
                _ => Put64(span, MsgPackCode.Uint64, (ulong)value),
            };
        }
        else
        {
            written = value switch
            {
                >= -32 => Put(span, unchecked((byte)value)),
                >= sbyte.MinValue => Put(span, MsgPackCode.Int8, unchecked((byte)value)),
                >= short.MinValue => Put16(span, MsgPackCode.Int16, unchecked((ushort)value)),
                >= int.MinValue => Put32(span, MsgPackCode.Int32, unchecked((uint)value)),
                _ => Put64(span, MsgPackCode.Int64, unchecked((ulong)value)),
            };
        }

        output.Advance(written);
    }

    internal static void WriteString(IBufferWriter<byte> output, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = output.GetSpan(5 + length);
        var header = length switch
        {
            < 32 => Put(span, (byte)(MsgPackCode.FixStrLow | length)),
            <= byte.MaxValue => Put(span, MsgPackCode.Str8, (byte)length),
            <= ushort.MaxValue => Put16(span, MsgPackCode.Str16, (ushort)length),
            _ => Put32(span, MsgPackCode.Str32, (uint)length),
        };
        Encoding.UTF8.GetBytes(text, span[header..]);
        output.Advance(header + length);
    }

    private static void WriteHeader(IBufferWriter<byte> output, int count, byte fixLow, byte code16, byte code32)
    {
        var span = output.GetSpan(5);
        var written = count switch
        {
            < 16 => Put(span, (byte)(fixLow | count)),
            <= ushort.MaxValue => Put16(span, code16, (ushort)count),
            _ => Put32(span, code32, (uint)count),
        };
        output.Advance(written);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static int Put(Span<byte> span, byte code)
    {
        span[0] = code;
        return 1;
    }

    private static int Put(Span<byte> span, byte code, byte value)
    {
        span[0] = code;
        span[1] = value;
        return 2;
    }

    private static int Put16(Span<byte> span, byte code, ushort value)
    {
        span[0] = code;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], value);
        return 3;
    }

    private static int Put32(Span<byte> span, byte code, uint value)
    {
        span[0] = code;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], value);
        return 5;
    }

    private static int Put64(Span<byte> span, byte code, ulong value)
    {
        span[0] = code;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
        return 9;
    }

    /// <summary>Go's sort.Strings order: byte-wise over UTF-8 (differs from UTF-16 ordinal only around surrogates).</summary>
    private static readonly Comparison<string> Utf8Order = static (a, b) =>
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Utf8Rank(a, i).CompareTo(Utf8Rank(b, i));
            }
        }

        return a.Length.CompareTo(b.Length);
    };

    /// <summary>UTF-8 byte order equals code-point order; surrogates (U+D800..DFFF) stand for code points above U+FFFF.</summary>
    private static int Utf8Rank(string s, int index) => char.IsSurrogate(s[index]) ? 0x10000 + s[index] : s[index];
}
