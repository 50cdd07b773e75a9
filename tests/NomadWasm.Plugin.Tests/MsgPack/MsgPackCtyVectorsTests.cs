using NomadWasm.Plugin.MsgPack;

namespace NomadWasm.Plugin.Tests.MsgPack;

/// <summary>
/// Byte vectors derived by hand from the encoding rules in spec §12.2 (cty marshal + vmihailenco/msgpack compact ints)
/// and the msgpack format table. Each row: the cty value, the exact bytes, and why.
/// </summary>
public sealed class MsgPackCtyVectorsTests
{
    private static readonly string Str31 = new('a', 31);
    private static readonly string Str32 = new('a', 32);

    public static TheoryData<string, CtyValue, string> Encodings => new()
    {
        { "null", CtyValue.Null, "c0" },                                              // nil
        { "false", CtyValue.Bool(false), "c2" },
        { "true", CtyValue.Bool(true), "c3" },
        { "0", CtyValue.Number(0), "00" },                                            // positive fixint
        { "127", CtyValue.Number(127), "7f" },                                        // largest positive fixint
        { "128", CtyValue.Number(128), "cc80" },                                      // uint8, not int16: compact ints use the uint family
        { "255", CtyValue.Number(255), "ccff" },
        { "256", CtyValue.Number(256), "cd0100" },                                    // uint16
        { "65535", CtyValue.Number(65535), "cdffff" },
        { "65536", CtyValue.Number(65536), "ce00010000" },                            // uint32
        { "2^32", CtyValue.Number(4294967296), "cf0000000100000000" },                // uint64
        { "int64 max", CtyValue.Number(long.MaxValue), "cf7fffffffffffffff" },
        { "-1", CtyValue.Number(-1), "ff" },                                          // negative fixint
        { "-32", CtyValue.Number(-32), "e0" },                                        // smallest negative fixint
        { "-33", CtyValue.Number(-33), "d0df" },                                      // int8
        { "-128", CtyValue.Number(-128), "d080" },
        { "-129", CtyValue.Number(-129), "d1ff7f" },                                  // int16
        { "-32769", CtyValue.Number(-32769), "d2ffff7fff" },                          // int32
        { "-2^31-1", CtyValue.Number(-2147483649), "d3ffffffff7fffffff" },            // int64
        { "1.5", CtyValue.Number(1.5), "cb3ff8000000000000" },                        // non-integer, exact in binary: float64, never float32
        { "3.0", CtyValue.Number(3.0), "03" },                                        // an integral float is an int on the wire
        { "-0.0", CtyValue.Number(-0.0), "00" },                                      // big.Float Int64 of -0 is exact 0
        { "+Inf", CtyValue.Number(double.PositiveInfinity), "cb7ff0000000000000" },   // ±Inf are float64
        { "-Inf", CtyValue.Number(double.NegativeInfinity), "cbfff0000000000000" },
        { "0.1 text", Decimal("0.1"), "a3302e31" },                                   // no exact binary form: str "0.1"
        { "0.10 text", Decimal("0.10"), "a3302e31" },                                 // big.Float Text('f',-1): no trailing zeros
        { "1e3 text", Decimal("1e3"), "cd03e8" },                                     // an integer however it was written
        { "0.5 text", Decimal("0.5"), "cb3fe0000000000000" },                         // exact in binary: float64
        { "2^63 text", Decimal("9223372036854775808"), "cb43e0000000000000" },        // not int64 but exactly float64 (cty's Float64() is Exact)
        { "2^63+1 text", Decimal("9223372036854775809"), "b339323233333732303336383534373735383039" }, // neither: decimal text (fixstr 19)
        { "2^64-1 uint", CtyValue.Number(CtyNumber.FromUInt64(ulong.MaxValue)), "b43138343436373434303733373039353531363135" }, // not exact in float64: text (fixstr 20)
        { "empty string", CtyValue.String(""), "a0" },
        { "31 chars", CtyValue.String(Str31), "bf" + Hex(Str31) },                    // longest fixstr
        { "32 chars", CtyValue.String(Str32), "d920" + Hex(Str32) },                  // str8
        { "utf-8", CtyValue.String("é"), "a2c3a9" },                                  // length counts UTF-8 bytes
        { "empty list", CtyValue.Array(), "90" },                                     // an absent block_list arrives as []
        { "list", CtyValue.Array(CtyValue.String("a"), CtyValue.Number(1)), "92a16101" },
        { "16 elements", CtyValue.Array(Enumerable.Repeat(CtyValue.Null, 16)), "dc0010" + string.Concat(Enumerable.Repeat("c0", 16)) }, // array16
        { "empty object", CtyValue.Object(), "80" },
        { "spec §12.2 example", CtyValue.Object(("path", CtyValue.Null), ("enabled", CtyValue.Bool(true))), "82a7656e61626c6564c3a470617468c0" },
        { "keys sorted", CtyValue.Object(("b", CtyValue.Number(1)), ("a", CtyValue.Number(2))), "82a16102a16201" },
        { "keys by byte", CtyValue.Object(("a", CtyValue.Null), ("B", CtyValue.Null), ("_", CtyValue.Null)), "83a142c0a15fc0a161c0" }, // 'B' 0x42 < '_' 0x5f < 'a' 0x61
        { "unknown", CtyValue.Unknown, "d40000" },                                    // fixext1 type 0, data 0
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encode_Value_ExactBytes(string name, CtyValue value, string hex)
    {
        Assert.NotNull(name);
        Assert.Equal(hex, Convert.ToHexStringLower(MsgPackCtyEncoder.Encode(value)));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decode_EncodedBytes_ReencodesIdentically(string name, CtyValue value, string hex)
    {
        Assert.NotNull(name);
        Assert.NotNull(value);
        var decoded = MsgPackCtyDecoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(hex, Convert.ToHexStringLower(MsgPackCtyEncoder.Encode(decoded)));
    }

    public static TheoryData<string, string, string> Decodings => new()
    {
        { "cc05", "Number", "5" },                           // uint8 for a small number: accepted though cty would write a fixint
        { "d005", "Number", "5" },                           // int8 positive
        { "d1fffe", "Number", "-2" },                        // int16
        { "ce000186a0", "Number", "100000" },                // uint32
        { "cfffffffffffffffff", "Number", "18446744073709551615" }, // uint64 above int64
        { "ca3fc00000", "Number", "1.5" },                   // float32 is accepted
        { "a3302e31", "String", "0.1" },                     // a number as text stays a string until asked for a number
        { "d40000", "Unknown", "" },                         // plain unknown
        { "c7010c80", "Unknown", "" },                       // refined unknown: ext8, type 0x0c, payload an empty map
        { "92c40822737472696e6722a26869", "String", "hi" },  // dynamic wrapper [bin("\"string\""), "hi"] is unwrapped
        { "da0002c3a9", "String", "é" },                     // str16
        { "db00000001 41".Replace(" ", string.Empty, StringComparison.Ordinal), "String", "A" }, // str32
    };

    [Theory]
    [MemberData(nameof(Decodings))]
    public void Decode_AcceptedForms_KindAndValue(string hex, string kind, string text)
    {
        var value = MsgPackCtyDecoder.Decode(Convert.FromHexString(hex));

        Assert.Equal(kind, value.Kind.ToString());
        switch (value.Kind)
        {
            case CtyValueKind.Number: Assert.Equal(text, value.AsNumber().ToString()); break;
            case CtyValueKind.String: Assert.Equal(text, value.AsString()); break;
        }
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "c1", "config (byte 0)", "invalid msgpack format byte 0xc1" },           // the never-used byte
        { "a36162", "config (byte 1)", "payload ends early" },                     // fixstr 3 with 2 bytes
        { "8101c0", "config (byte 1)", "map key must be a string" },               // cty keys are strings
        { "81a161c1", "config.a (byte 3)", "0xc1" },                               // the path names the attribute
        { "81a17892c0c1", "config.x[1] (byte 5)", "0xc1" },                        // ... and the element index
        { "d40500", "config (byte 0)", "ext type 5" },                             // only 0 and 0x0c are cty unknowns
        { "c40100", "config (byte 0)", "bin is not a cty value" },                 // bin outside the dynamic wrapper
        { "c0c0", "config (byte 1)", "1 trailing bytes" },                         // exactly one value
        { "a1ff", "config (byte 1)", "not valid UTF-8" },
        { "cb7ff8000000000000", "config (byte 0)", "NaN" },                        // NaN is not a cty number
        { "82a161c0a161c0", "config[\"a\"]", "duplicate key" },                    // a map cannot repeat a key
        { "dd7fffffff", "config (byte 5)", "payload ends early" },                 // a huge count is refused before allocating
        { string.Concat(Enumerable.Repeat("91", 70)) + "c0", "config", "nested deeper than 64" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_Malformed_ErrorNamesPathAndOffset(string hex, string where, string what)
    {
        var error = Assert.Throws<CtyDecodeException>(() => MsgPackCtyDecoder.Decode(Convert.FromHexString(hex)));

        Assert.Contains(where.Replace("config[\"a\"]", "config.a", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyPayload_Null() => Assert.True(MsgPackCtyDecoder.Decode([]).IsNull);

    private static CtyValue Decimal(string text) =>
        CtyNumber.TryParse(text, out var number) ? CtyValue.Number(number) : throw new ArgumentException(text);

    private static string Hex(string ascii) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(ascii));
}
