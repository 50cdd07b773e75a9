namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// LEB128 integer decoding (Wasm 2.0 §5.2.2). Enforces the spec's length bound (ceil(N/7) bytes)
/// and that unused bits of the last byte are a sign/zero extension, as the spec requires:
/// "integer representation too long" and "integer too large" otherwise.
/// </summary>
public static class Leb128
{
    public static uint ReadUnsigned32(ReadOnlySpan<byte> data, out int length, int offset)
    {
        uint result = 0;
        for (var i = 0; i < 5; i++)
        {
            if (i >= data.Length)
            {
                throw new MalformedModuleException("unexpected end of section or function", offset + i);
            }

            var b = data[i];
            if (i == 4 && (b & 0xF0) != 0)
            {
                throw new MalformedModuleException(
                    (b & 0x80) != 0 ? "integer representation too long" : "integer too large", offset + i);
            }

            result |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                length = i + 1;
                return result;
            }
        }

        throw new MalformedModuleException("integer representation too long", offset + 4);
    }

    public static int ReadSigned32(ReadOnlySpan<byte> data, out int length, int offset) =>
        (int)ReadSigned(data, 32, out length, offset);

    public static long ReadSigned33(ReadOnlySpan<byte> data, out int length, int offset) =>
        ReadSigned(data, 33, out length, offset);

    public static long ReadSigned64(ReadOnlySpan<byte> data, out int length, int offset) =>
        ReadSigned(data, 64, out length, offset);

    private static long ReadSigned(ReadOnlySpan<byte> data, int bits, out int length, int offset)
    {
        var maxBytes = (bits + 6) / 7;
        long result = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (i >= data.Length)
            {
                throw new MalformedModuleException("unexpected end of section or function", offset + i);
            }

            var b = data[i];
            var shift = 7 * i;
            if (i == maxBytes - 1)
            {
                if ((b & 0x80) != 0)
                {
                    throw new MalformedModuleException("integer representation too long", offset + i);
                }

                // The bits of the last byte beyond the value's width must all equal its sign bit.
                var usedBits = bits - shift;
                var signAndUnused = (sbyte)(b << 1) >> usedBits;
                if (signAndUnused != 0 && signAndUnused != -1)
                {
                    throw new MalformedModuleException("integer too large", offset + i);
                }
            }

            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                length = i + 1;
                if (shift + 7 < 64 && (b & 0x40) != 0)
                {
                    result |= -1L << (shift + 7);
                }

                return result;
            }
        }

        throw new MalformedModuleException("integer representation too long", offset + maxBytes - 1);
    }
}
