using System.Buffers.Binary;
using System.Text;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// Encodes a config object the way Nomad does after hcldec (nomad-plugin-protocol.md §12.2):
/// an object is a map with every schema attribute present, keys sorted, null as nil; integers
/// in their smallest encoding; strings as str. Values: null, bool, long, string, or a sorted
/// string map (IReadOnlyDictionary&lt;string, string&gt;).
/// </summary>
internal static class CtyMsgpack
{
    public static byte[] EncodeObject(IReadOnlyDictionary<string, object?> attributes)
    {
        var buffer = new List<byte>();
        WriteMap(buffer, attributes.Select(static p => (p.Key, p.Value)).ToList());
        return [.. buffer];
    }

    private static void WriteMap(List<byte> b, List<(string Key, object? Value)> entries)
    {
        entries.Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        if (entries.Count < 16)
        {
            b.Add((byte)(0x80 | entries.Count));
        }
        else
        {
            b.Add(0xde);
            b.Add((byte)(entries.Count >> 8));
            b.Add((byte)entries.Count);
        }

        foreach (var (key, value) in entries)
        {
            WriteString(b, key);
            Write(b, value);
        }
    }

    private static void Write(List<byte> b, object? value)
    {
        switch (value)
        {
            case null:
                b.Add(0xc0);
                break;
            case bool flag:
                b.Add(flag ? (byte)0xc3 : (byte)0xc2);
                break;
            case string s:
                WriteString(b, s);
                break;
            case int i:
                WriteInt(b, i);
                break;
            case long l:
                WriteInt(b, l);
                break;
            case IReadOnlyDictionary<string, string> map:
                WriteMap(b, map.Select(static p => (p.Key, (object?)p.Value)).ToList());
                break;
            case IReadOnlyDictionary<string, object?> obj:
                WriteMap(b, obj.Select(static p => (p.Key, p.Value)).ToList());
                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType()}");
        }
    }

    private static void WriteInt(List<byte> b, long v)
    {
        if (v is >= 0 and <= 0x7f)
        {
            b.Add((byte)v);
        }
        else if (v is < 0 and >= -32)
        {
            b.Add((byte)(sbyte)v);
        }
        else
        {
            Span<byte> tmp = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(tmp, v);
            b.Add(0xd3);
            b.AddRange(tmp.ToArray());
        }
    }

    private static void WriteString(List<byte> b, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (bytes.Length < 32)
        {
            b.Add((byte)(0xa0 | bytes.Length));
        }
        else if (bytes.Length < 256)
        {
            b.Add(0xd9);
            b.Add((byte)bytes.Length);
        }
        else
        {
            b.Add(0xda);
            b.Add((byte)(bytes.Length >> 8));
            b.Add((byte)bytes.Length);
        }

        b.AddRange(bytes);
    }
}
