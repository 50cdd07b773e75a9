using NomadWasm.Plugin.MsgPack;

namespace NomadWasm.Plugin.Tests.MsgPack;

public sealed class CtyValueTests
{
    // object{ args = list(string), enabled = bool, env = map(string), port = number (as text), ratio = number, tags = null }
    private static readonly CtyValue Config = MsgPackCtyDecoder.Decode(MsgPackCtyEncoder.Encode(CtyValue.Object(
        ("args", CtyValue.Array(CtyValue.String("-v"), CtyValue.String("x"))),
        ("enabled", CtyValue.Bool(true)),
        ("env", CtyValue.Map(KeyValuePair.Create("A", CtyValue.String("1")), KeyValuePair.Create("weird key", CtyValue.String("2")))),
        ("port", CtyValue.String("8080")),
        ("ratio", CtyValue.Number(0.25)),
        ("tags", CtyValue.Null))));

    [Fact]
    public void Accessors_DecodedObject_TypedValues()
    {
        Assert.Equal(["-v", "x"], Config["args"].AsStringList());
        Assert.True(Config["enabled"].AsBool());
        Assert.Equal("2", Config["env"].AsStringMap()["weird key"]);
        Assert.Equal(8080, Config["port"].AsInt64()); // numbers may arrive as strings (spec §12.3)
        Assert.Equal(0.25, Config["ratio"].AsDouble());
        Assert.True(Config["tags"].IsNull);
        Assert.Empty(Config["tags"].AsStringList());
        Assert.Equal("dflt", Config["tags"].AsStringOrDefault("dflt"));
    }

    [Fact]
    public void Path_NestedValues_NameAttributeAndIndex()
    {
        Assert.Equal("config.args[1]", Config["args"].Elements[1].Path);
        Assert.Equal("config.env[\"weird key\"]", Config["env"].Attributes["weird key"].Path);
    }

    [Theory]
    [InlineData("enabled", "config.enabled: expected a string, got bool true")]
    [InlineData("args", "config.args: expected a string, got an array of 2")]
    public void AsString_WrongKind_ErrorNamesPath(string attribute, string message) =>
        Assert.Equal(message, Assert.Throws<CtyDecodeException>(() => Config[attribute].AsString()).Message);

    [Fact]
    public void AsInt64_NotANumber_ErrorNamesPath()
    {
        var error = Assert.Throws<CtyDecodeException>(() => Config["args"].Elements[0].AsInt64());
        Assert.Equal("config.args[0]", error.Path);
        Assert.Contains("expected a number, got string \"-v\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsInt64_Fraction_ErrorSaysInteger() =>
        Assert.Contains("expected an integer", Assert.Throws<CtyDecodeException>(() => Config["ratio"].AsInt64()).Message, StringComparison.Ordinal);

    [Fact]
    public void Indexer_MissingAttribute_ErrorNamesIt() =>
        Assert.Equal("config.nope", Assert.Throws<CtyDecodeException>(() => Config["nope"]).Path);

    [Theory]
    [InlineData("12", true, 12L)]
    [InlineData("-7", true, -7L)]
    [InlineData("+7", true, 7L)]
    [InlineData("1.0", true, 1L)]
    [InlineData("2.5e1", true, 25L)]
    [InlineData("0.5", false, 0L)]
    [InlineData("99999999999999999999", false, 0L)] // does not fit long
    public void TryGetInt64_DecimalText_IntegerWhenExact(string text, bool isInteger, long expected)
    {
        Assert.True(CtyNumber.TryParse(text, out var number));
        Assert.Equal(isInteger, number.TryGetInt64(out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("--1")]
    [InlineData("1e")]
    [InlineData(".")]
    public void TryParse_NotANumber_False(string text) => Assert.False(CtyNumber.TryParse(text, out _));

    [Fact]
    public void Equals_SameNumberDifferentForms_Equal()
    {
        Assert.True(CtyNumber.TryParse("1e1", out var text));
        Assert.Equal(CtyNumber.FromInt64(10), text);
        Assert.Equal(CtyNumber.FromDouble(10.0), text);
        Assert.NotEqual(CtyNumber.FromInt64(11), text);
    }
}
