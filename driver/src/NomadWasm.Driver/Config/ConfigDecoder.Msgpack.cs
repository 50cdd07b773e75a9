using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NomadWasm.Driver.Config;

internal static partial class ConfigDecoder
{
    // Interim reader for the value tree until the plugin project's cty-msgpack decoder is wired in:
    // maps become IReadOnlyDictionary<string, object?>, arrays List<object?>, numbers long/ulong/double
    // (or their decimal text, as cty sends numbers it cannot put in an int64/float64, §12.2).
    private static object? Read(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        var value = ReadValue(bytes, ref offset, 0);
        if (offset != bytes.Length)
        {
            throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"msgpack config has {bytes.Length - offset} trailing bytes after offset {offset}"));
        }

        return value;
    }

    private static object? ReadValue(ReadOnlySpan<byte> b, ref int o, int depth)
    {
        if (depth > 64)
        {
            throw new ConfigException("msgpack config nests deeper than 64 levels");
        }

        var t = Take(b, ref o, 1)[0];
        switch (t)
        {
            case <= 0x7f: return (long)t;
            case >= 0xe0: return (long)(sbyte)t;
            case >= 0xa0 and <= 0xbf: return Str(b, ref o, t & 0x1f);
            case >= 0x90 and <= 0x9f: return Array(b, ref o, t & 0x0f, depth);
            case >= 0x80 and <= 0x8f: return Map(b, ref o, t & 0x0f, depth);
            case 0xc0: return null;
            case 0xc2: return false;
            case 0xc3: return true;
            case 0xcc: return (long)Take(b, ref o, 1)[0];
            case 0xcd: return (long)BinaryPrimitives.ReadUInt16BigEndian(Take(b, ref o, 2));
            case 0xce: return (long)BinaryPrimitives.ReadUInt32BigEndian(Take(b, ref o, 4));
            case 0xcf: return BinaryPrimitives.ReadUInt64BigEndian(Take(b, ref o, 8));
            case 0xd0: return (long)(sbyte)Take(b, ref o, 1)[0];
            case 0xd1: return (long)BinaryPrimitives.ReadInt16BigEndian(Take(b, ref o, 2));
            case 0xd2: return (long)BinaryPrimitives.ReadInt32BigEndian(Take(b, ref o, 4));
            case 0xd3: return BinaryPrimitives.ReadInt64BigEndian(Take(b, ref o, 8));
            case 0xca: return (double)BinaryPrimitives.ReadSingleBigEndian(Take(b, ref o, 4));
            case 0xcb: return BinaryPrimitives.ReadDoubleBigEndian(Take(b, ref o, 8));
            case 0xd9: return Str(b, ref o, Take(b, ref o, 1)[0]);
            case 0xda: return Str(b, ref o, BinaryPrimitives.ReadUInt16BigEndian(Take(b, ref o, 2)));
            case 0xdb: return Str(b, ref o, Length(BinaryPrimitives.ReadUInt32BigEndian(Take(b, ref o, 4))));
            case 0xdc: return Array(b, ref o, BinaryPrimitives.ReadUInt16BigEndian(Take(b, ref o, 2)), depth);
            case 0xdd: return Array(b, ref o, Length(BinaryPrimitives.ReadUInt32BigEndian(Take(b, ref o, 4))), depth);
            case 0xde: return Map(b, ref o, BinaryPrimitives.ReadUInt16BigEndian(Take(b, ref o, 2)), depth);
            case 0xdf: return Map(b, ref o, Length(BinaryPrimitives.ReadUInt32BigEndian(Take(b, ref o, 4))), depth);
            default:
                throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"msgpack config: unsupported type byte 0x{t:x2} at offset {o - 1} (cty unknowns and extensions are not valid config)"));
        }
    }

    private static int Length(uint n) => n <= int.MaxValue ? (int)n : throw new ConfigException("msgpack config: length too large");

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> b, ref int o, int n)
    {
        if (n < 0 || o + n > b.Length)
        {
            throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"msgpack config is truncated at offset {o} (needs {n} more bytes)"));
        }

        var s = b.Slice(o, n);
        o += n;
        return s;
    }

    private static string Str(ReadOnlySpan<byte> b, ref int o, int n) => Encoding.UTF8.GetString(Take(b, ref o, n));

    private static List<object?> Array(ReadOnlySpan<byte> b, ref int o, int n, int depth)
    {
        var list = new List<object?>(Math.Min(n, 1024));
        for (var i = 0; i < n; i++)
        {
            list.Add(ReadValue(b, ref o, depth + 1));
        }

        return list;
    }

    private static Dictionary<string, object?> Map(ReadOnlySpan<byte> b, ref int o, int n, int depth)
    {
        var map = new Dictionary<string, object?>(Math.Min(n, 1024), StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var at = o;
            if (ReadValue(b, ref o, depth + 1) is not string key)
            {
                throw new ConfigException(string.Create(CultureInfo.InvariantCulture, $"msgpack config: map key at offset {at} is not a string"));
            }

            map[key] = ReadValue(b, ref o, depth + 1);
        }

        return map;
    }
}
