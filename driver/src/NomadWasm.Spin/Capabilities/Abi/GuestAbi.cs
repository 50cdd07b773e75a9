using System.Buffers.Binary;
using System.Text;

namespace NomadWasm.Spin.Capabilities.Abi;

/// <summary>
/// Canonical ABI helpers for the flat layouts old wit-bindgen 0.2 uses (spec §3b): little-endian
/// scalars, strings and byte lists as (pointer, length) with align 1, lists of strings as 8-byte
/// (ptr, len) elements, header lists as 16-byte (name ptr, name len, value ptr, value len) elements.
/// </summary>
internal static class GuestAbi
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static uint ReadU32(IGuestMemory memory, uint address) => BinaryPrimitives.ReadUInt32LittleEndian(memory.Slice(address, 4));

    public static ushort ReadU16(IGuestMemory memory, uint address) => BinaryPrimitives.ReadUInt16LittleEndian(memory.Slice(address, 2));

    public static byte ReadU8(IGuestMemory memory, uint address) => memory.Slice(address, 1)[0];

    public static void WriteU8(IGuestMemory memory, uint address, byte value) => memory.Slice(address, 1)[0] = value;

    public static void WriteU16(IGuestMemory memory, uint address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(memory.Slice(address, 2), value);

    public static void WriteU32(IGuestMemory memory, uint address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(memory.Slice(address, 4), value);

    public static void WriteI64(IGuestMemory memory, uint address, long value) => BinaryPrimitives.WriteInt64LittleEndian(memory.Slice(address, 8), value);

    /// <summary>Reads a UTF-8 string; invalid UTF-8 is a guest error.</summary>
    public static string ReadString(IGuestMemory memory, uint address, uint length)
    {
        if (length == 0)
        {
            return "";
        }

        try
        {
            return StrictUtf8.GetString(memory.Slice(address, length));
        }
        catch (DecoderFallbackException e)
        {
            throw new GuestAbiException($"string at 0x{address:x} (length {length}) is not valid UTF-8", e);
        }
    }

    public static byte[] ReadBytes(IGuestMemory memory, uint address, uint length) =>
        length == 0 ? [] : memory.Slice(address, length).ToArray();

    /// <summary>Reads a <c>list&lt;string&gt;</c> of <paramref name="count"/> 8-byte elements.</summary>
    public static string[] ReadStringList(IGuestMemory memory, uint address, uint count)
    {
        var result = new string[count];
        for (uint i = 0; i < count; i++)
        {
            var element = address + (i * 8);
            result[i] = ReadString(memory, ReadU32(memory, element), ReadU32(memory, element + 4));
        }

        return result;
    }

    /// <summary>Reads a <c>list&lt;tuple&lt;string,string&gt;&gt;</c> of <paramref name="count"/> 16-byte elements.</summary>
    public static List<KeyValuePair<string, string>> ReadPairs(IGuestMemory memory, uint address, uint count)
    {
        var result = new List<KeyValuePair<string, string>>((int)Math.Min(count, 1024));
        for (uint i = 0; i < count; i++)
        {
            var element = address + (i * 16);
            var name = ReadString(memory, ReadU32(memory, element), ReadU32(memory, element + 4));
            var value = ReadString(memory, ReadU32(memory, element + 8), ReadU32(memory, element + 12));
            result.Add(new(name, value));
        }

        return result;
    }

    /// <summary>Copies bytes into a fresh guest allocation (align 1); returns (pointer, length).</summary>
    public static (uint Address, uint Length) WriteBytes(IGuestMemory memory, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return (1, 0); // a zero-length list is a dangling pointer equal to its alignment
        }

        var length = (uint)bytes.Length;
        var address = memory.Allocate(length, 1);
        bytes.CopyTo(memory.Slice(address, length));
        return (address, length);
    }

    /// <summary>Encodes a string as UTF-8 into a fresh guest allocation.</summary>
    public static (uint Address, uint Length) WriteString(IGuestMemory memory, string value)
    {
        if (value.Length == 0)
        {
            return (1, 0);
        }

        var length = (uint)Encoding.UTF8.GetByteCount(value);
        var address = memory.Allocate(length, 1);
        Encoding.UTF8.GetBytes(value, memory.Slice(address, length));
        return (address, length);
    }

    /// <summary>Writes a <c>list&lt;string&gt;</c>; returns (pointer, count).</summary>
    public static (uint Address, uint Count) WriteStringList(IGuestMemory memory, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return (4, 0);
        }

        var count = (uint)values.Count;
        var list = memory.Allocate(count * 8, 4);
        for (var i = 0; i < values.Count; i++)
        {
            var (address, length) = WriteString(memory, values[i]);
            var element = list + ((uint)i * 8);
            WriteU32(memory, element, address);
            WriteU32(memory, element + 4, length);
        }

        return (list, count);
    }

    /// <summary>Writes a <c>list&lt;tuple&lt;string,string&gt;&gt;</c>; returns (pointer, count).</summary>
    public static (uint Address, uint Count) WritePairs(IGuestMemory memory, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count == 0)
        {
            return (4, 0);
        }

        var count = (uint)pairs.Count;
        var list = memory.Allocate(count * 16, 4);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (name, nameLength) = WriteString(memory, pairs[i].Key);
            var (value, valueLength) = WriteString(memory, pairs[i].Value);
            var element = list + ((uint)i * 16);
            WriteU32(memory, element, name);
            WriteU32(memory, element + 4, nameLength);
            WriteU32(memory, element + 8, value);
            WriteU32(memory, element + 12, valueLength);
        }

        return (list, count);
    }
}
