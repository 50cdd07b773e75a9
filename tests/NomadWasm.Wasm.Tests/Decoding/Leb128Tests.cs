using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Decoding;

public sealed class Leb128Tests
{
    public static TheoryData<string, uint, int> Unsigned32Valid => new()
    {
        // Single byte zero.
        { "00", 0u, 1 },
        // Largest one-byte value.
        { "7f", 127u, 1 },
        // 128 needs two bytes.
        { "80 01", 128u, 2 },
        // Non-minimal encoding of 2 is allowed within 5 bytes.
        { "82 80 80 80 00", 2u, 5 },
        // uint.MaxValue: last byte uses only its low 4 bits.
        { "ff ff ff ff 0f", uint.MaxValue, 5 },
        // Trailing bytes after the value are not consumed.
        { "05 ff", 5u, 1 },
    };

    public static TheoryData<string, string> Unsigned32Invalid => new()
    {
        // Empty input.
        { "", "unexpected end" },
        // Continuation bit set on the last available byte.
        { "80", "unexpected end" },
        // Sixth byte needed: one byte too many.
        { "82 80 80 80 80 00", "integer representation too long" },
        // Unused bits of the fifth byte set (value would exceed 32 bits).
        { "82 80 80 80 70", "integer too large" },
        // Some unused bits set.
        { "82 80 80 80 40", "integer too large" },
        // Bit 32 set.
        { "ff ff ff ff 1f", "integer too large" },
    };

    public static TheoryData<string, int> Signed32Valid => new()
    {
        // Zero.
        { "00", 0 },
        // -1 in one byte.
        { "7f", -1 },
        // 63 is the largest positive single byte.
        { "3f", 63 },
        // 64 needs a second byte to keep the sign bit clear.
        { "c0 00", 64 },
        // -64 in one byte.
        { "40", -64 },
        // Non-minimal zero, 5 bytes.
        { "80 80 80 80 00", 0 },
        // Non-minimal -1, 5 bytes.
        { "ff ff ff ff 7f", -1 },
        // int.MinValue.
        { "80 80 80 80 78", int.MinValue },
        // int.MaxValue.
        { "ff ff ff ff 07", int.MaxValue },
    };

    public static TheoryData<string, string> Signed32Invalid => new()
    {
        // Six bytes.
        { "80 80 80 80 80 00", "integer representation too long" },
        // Zero with unused bits set.
        { "80 80 80 80 70", "integer too large" },
        // -1 with unused bits unset.
        { "ff ff ff ff 0f", "integer too large" },
        // Zero with some unused bits set.
        { "80 80 80 80 1f", "integer too large" },
        // -1 with some unused bits unset.
        { "ff ff ff ff 4f", "integer too large" },
        // Truncated.
        { "ff ff", "unexpected end" },
    };

    public static TheoryData<string, long> Signed64Valid => new()
    {
        // long.MinValue: ten bytes, last byte 0x7f.
        { "80 80 80 80 80 80 80 80 80 7f", long.MinValue },
        // long.MaxValue.
        { "ff ff ff ff ff ff ff ff ff 00", long.MaxValue },
        // Non-minimal zero, 10 bytes.
        { "80 80 80 80 80 80 80 80 80 00", 0L },
        // -1 in ten bytes.
        { "ff ff ff ff ff ff ff ff ff 7f", -1L },
    };

    public static TheoryData<string, string> Signed64Invalid => new()
    {
        // Eleven bytes.
        { "80 80 80 80 80 80 80 80 80 80 00", "integer representation too long" },
        // Zero with unused bits set.
        { "80 80 80 80 80 80 80 80 80 7e", "integer too large" },
        // -1 with unused bits unset.
        { "ff ff ff ff ff ff ff ff ff 01", "integer too large" },
        // Zero with one unused bit set.
        { "80 80 80 80 80 80 80 80 80 02", "integer too large" },
        // -1 with some unused bits unset.
        { "ff ff ff ff ff ff ff ff ff 41", "integer too large" },
    };

    [Theory]
    [MemberData(nameof(Unsigned32Valid))]
    public void ReadUnsigned32_Valid_ReturnsValueAndLength(string hex, uint expected, int expectedLength)
    {
        var value = Leb128.ReadUnsigned32(WasmTools.Hex(hex), out var length, 0);
        Assert.Equal(expected, value);
        Assert.Equal(expectedLength, length);
    }

    [Theory]
    [MemberData(nameof(Unsigned32Invalid))]
    public void ReadUnsigned32_Malformed_ThrowsSpecReason(string hex, string reason)
    {
        var e = Assert.Throws<MalformedModuleException>(() => Leb128.ReadUnsigned32(WasmTools.Hex(hex), out _, 0));
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Signed32Valid))]
    public void ReadSigned32_Valid_ReturnsValue(string hex, int expected) =>
        Assert.Equal(expected, Leb128.ReadSigned32(WasmTools.Hex(hex), out _, 0));

    [Theory]
    [MemberData(nameof(Signed32Invalid))]
    public void ReadSigned32_Malformed_ThrowsSpecReason(string hex, string reason)
    {
        var e = Assert.Throws<MalformedModuleException>(() => Leb128.ReadSigned32(WasmTools.Hex(hex), out _, 0));
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Signed64Valid))]
    public void ReadSigned64_Valid_ReturnsValue(string hex, long expected) =>
        Assert.Equal(expected, Leb128.ReadSigned64(WasmTools.Hex(hex), out _, 0));

    [Theory]
    [MemberData(nameof(Signed64Invalid))]
    public void ReadSigned64_Malformed_ThrowsSpecReason(string hex, string reason)
    {
        var e = Assert.Throws<MalformedModuleException>(() => Leb128.ReadSigned64(WasmTools.Hex(hex), out _, 0));
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
    }
}
