namespace NomadWasm.Wasm.Tests.Fuzzing;

/// <summary>
/// Deterministic byte-level mutations of a wasm binary: bit flips, random bytes, insertions,
/// deletions, truncations, and LEB128 tweaks (section sizes and LEBs inside sections made larger,
/// smaller, overlong or unterminated). Each mutation is a pure function of (input, seed), so a
/// failing case is reproduced from its seed alone.
/// </summary>
internal static class Mutator
{
    public static byte[] Mutate(byte[] input, int seed, out string description)
    {
        var random = new Random(seed);
        var bytes = new List<byte>(input);
        var steps = new List<string>();
        var count = 1 + random.Next(3);
        for (var i = 0; i < count && bytes.Count > 8; i++)
        {
            steps.Add(random.Next(10) switch
            {
                0 or 1 => FlipBit(bytes, random),
                2 => RandomByte(bytes, random),
                3 => Insert(bytes, random),
                4 => Delete(bytes, random),
                5 => Truncate(bytes, random),
                6 or 7 => TweakSectionSize(bytes, random),
                _ => TweakLeb(bytes, random),
            });
        }

        description = string.Join("; ", steps);
        return [.. bytes];
    }

    // Keep the 8-byte header mostly intact so mutations reach the sections (one in 16 may hit it).
    private static int Position(List<byte> bytes, Random random) =>
        random.Next(16) == 0 ? random.Next(bytes.Count) : 8 + random.Next(bytes.Count - 8);

    private static string FlipBit(List<byte> bytes, Random random)
    {
        var at = Position(bytes, random);
        var bit = random.Next(8);
        bytes[at] ^= (byte)(1 << bit);
        return $"flip bit {bit} at {at}";
    }

    private static string RandomByte(List<byte> bytes, Random random)
    {
        var at = Position(bytes, random);
        var value = (byte)random.Next(256);
        bytes[at] = value;
        return $"byte {value:x2} at {at}";
    }

    private static string Insert(List<byte> bytes, Random random)
    {
        var at = Position(bytes, random);
        var length = 1 + random.Next(8);
        var inserted = new byte[length];
        random.NextBytes(inserted);
        bytes.InsertRange(at, inserted);
        return $"insert {Convert.ToHexString(inserted)} at {at}";
    }

    private static string Delete(List<byte> bytes, Random random)
    {
        var at = Position(bytes, random);
        var length = Math.Min(1 + random.Next(16), bytes.Count - at);
        bytes.RemoveRange(at, length);
        return $"delete {length} at {at}";
    }

    private static string Truncate(List<byte> bytes, Random random)
    {
        var length = random.Next(bytes.Count);
        bytes.RemoveRange(length, bytes.Count - length);
        return $"truncate to {length}";
    }

    // Section layout: id byte, u32 LEB size, contents (Wasm 2.0 §5.5.2).
    private static List<(int SizeAt, int SizeLength, uint Size)> Sections(List<byte> bytes)
    {
        var sections = new List<(int, int, uint)>();
        var at = 8;
        while (at < bytes.Count)
        {
            var sizeAt = at + 1;
            if (!TryReadLeb(bytes, sizeAt, out var size, out var length))
            {
                break;
            }

            sections.Add((sizeAt, length, size));
            at = sizeAt + length + (int)Math.Min(size, int.MaxValue - sizeAt - length);
        }

        return sections;
    }

    private static string TweakSectionSize(List<byte> bytes, Random random)
    {
        var sections = Sections(bytes);
        if (sections.Count == 0)
        {
            return FlipBit(bytes, random);
        }

        var (sizeAt, sizeLength, size) = sections[random.Next(sections.Count)];
        return ReplaceLeb(bytes, random, sizeAt, sizeLength, size, "section size");
    }

    private static string TweakLeb(List<byte> bytes, Random random)
    {
        // Any position whose bytes decode as a short LEB: inside code these are indices,
        // immediates, counts and lengths.
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var at = Position(bytes, random);
            if (TryReadLeb(bytes, at, out var value, out var length))
            {
                return ReplaceLeb(bytes, random, at, length, value, "leb");
            }
        }

        return FlipBit(bytes, random);
    }

    private static string ReplaceLeb(List<byte> bytes, Random random, int at, int length, uint value, string what)
    {
        byte[] encoded;
        string how;
        switch (random.Next(6))
        {
            case 0:
                var delta = random.Next(1, 5);
                value = random.Next(2) == 0 ? value + (uint)delta : value - (uint)delta;
                encoded = Encode(value, 0);
                how = $"to {value}";
                break;
            case 1:
                encoded = Encode(value, 5 - Math.Min(5, Encode(value, 0).Length));
                how = "overlong (5 bytes)";
                break;
            case 2:
                encoded = [.. Encode(value, 5 - Math.Min(5, Encode(value, 0).Length))[..4], 0x80, 0x00];
                how = "too long (6 bytes)";
                break;
            case 3:
                encoded = [0xff, 0xff, 0xff, 0xff, 0x0f];
                how = "to 0xffffffff";
                break;
            case 4:
                encoded = [0xff, 0xff, 0xff, 0xff, 0x7f];
                how = "with unused bits set";
                break;
            default:
                value = (uint)random.Next(0, 1 << 20);
                encoded = Encode(value, 0);
                how = $"to {value}";
                break;
        }

        bytes.RemoveRange(at, length);
        bytes.InsertRange(at, encoded);
        return $"{what} at {at} {how}";
    }

    private static byte[] Encode(uint value, int padding)
    {
        var result = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            result.Add((byte)(value != 0 || padding > 0 ? b | 0x80 : b));
        }
        while (value != 0);

        for (var i = 0; i < padding; i++)
        {
            result.Add((byte)(i == padding - 1 ? 0x00 : 0x80));
        }

        return [.. result];
    }

    private static bool TryReadLeb(List<byte> bytes, int at, out uint value, out int length)
    {
        value = 0;
        length = 0;
        for (var shift = 0; shift < 35 && at + length < bytes.Count; shift += 7)
        {
            var b = bytes[at + length++];
            value |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
