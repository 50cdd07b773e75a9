using Google.Protobuf;
using NomadWasm.Plugin.HclSpec;
using NomadWasm.Plugin.Protos.HclSpec;
using static NomadWasm.Plugin.HclSpec.HclSpecBuilder;

namespace NomadWasm.Plugin.Tests.HclSpec;

public sealed class HclSpecBuilderTests
{
    [Fact]
    public void Object_TypicalTaskSchema_ProtobufShapeAndValid()
    {
        var spec = Object(
            ("component", Attr("component", "string", required: true)),
            ("listen", Default(Attr("listen", "string"), LiteralString("127.0.0.1:3000"))),
            ("env", Attr("env", "map(string)")),
            ("mount", BlockList("mount", Object(("source", Attr("source", "string")), ("readonly", AttrWithDefault("readonly", "bool", "false"))))));

        Assert.Empty(HclSpecValidator.Validate(spec));
        Assert.Equal(Spec.BlockOneofCase.Object, spec.BlockCase);
        var listen = spec.Object.Attributes["listen"];
        Assert.Equal("listen", listen.Default.Primary.Attr.Name);
        Assert.Equal("\"127.0.0.1:3000\"", listen.Default.Default_.Literal.Value);
        Assert.True(spec.Object.Attributes["component"].Attr.Required);
    }

    [Fact]
    public void Attr_WireBytes_FieldNumbersOfHclSpecProto()
    {
        // Spec{ 3: Attr{ 1: "x", 2: "bool", 3: true } } — field 3 (Attr) is length-delimited: tag 0x1a.
        var bytes = Attr("x", "bool", required: true).ToByteArray();

        Assert.Equal("1a0b0a01781204626f6f6c1801", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Default_WireBytes_PrimaryIsField1DefaultIsField2()
    {
        // Spec{ 9: Default{ 1: Spec{3: Attr{1:"a",2:"number"}}, 2: Spec{10: Literal{1:"5"}} } }
        var bytes = AttrWithDefault("a", "number", "5").ToByteArray();

        Assert.Equal("4a160a0d1a0b0a016112066e756d626572120552030a0135", Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("number")]
    [InlineData("bool")]
    [InlineData("any")]
    [InlineData("list(string)")]
    [InlineData("set(number)")]
    [InlineData("map( list(string) )")]
    [InlineData("tuple([string, number])")]
    [InlineData("tuple([])")]
    [InlineData("object({name = string, port = number})")]
    [InlineData("list(map(string))")]
    public void Attr_ValidTypeExpression_Accepted(string type) => Assert.Equal(type, Attr("x", type).Attr.Type);

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("str", "unknown type 'str'")]
    [InlineData("list(string", "expected ')'")]
    [InlineData("list()", "expected a type")]
    [InlineData("map(string) x", "unexpected")]
    [InlineData("object({= string})", "attribute name")]
    public void Attr_BadTypeExpression_ErrorNamesAttribute(string type, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => Attr("port", type));
        Assert.Contains("'port'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_UnnamedAttr_Refused() =>
        Assert.Contains("explicit name", Assert.Throws<ArgumentException>(() => Default(Attr(string.Empty, "string"), LiteralString("v"))).Message, StringComparison.Ordinal);

    [Fact]
    public void BlockMap_NoLabels_Refused() =>
        Assert.Throws<ArgumentException>(() => BlockMap("b", [], Object()));

    [Fact]
    public void BlockList_MinAboveMax_Refused() =>
        Assert.Throws<ArgumentException>(() => BlockList("b", Object(), minItems: 3, maxItems: 2));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nnext\t", "\"line\\nnext\\t\"")]
    [InlineData("${NOMAD_TASK_DIR}", "\"$${NOMAD_TASK_DIR}\"")] // a literal, not an interpolation
    [InlineData("%{if}", "\"%%{if}\"")]
    [InlineData("cost $5", "\"cost $5\"")]
    public void LiteralString_Value_QuotedHcl(string value, string expected) => Assert.Equal(expected, LiteralString(value).Literal.Value);

    [Fact]
    public void Validate_HandBuiltBadSpecs_EveryProblemWithPath()
    {
        var spec = new Spec
        {
            Object = new Protos.HclSpec.Object
            {
                Attributes =
                {
                    ["empty"] = new Spec(),
                    ["dflt"] = new Spec { Default = new Default { Primary = new Spec { Attr = new Attr { Type = "string" } } } },
                    ["blk"] = new Spec { BlockValue = new Block() },
                    ["typ"] = new Spec { Attr = new Attr() },
                    ["tuple"] = new Spec { Array = new Protos.HclSpec.Array { Values = { new Spec { Attr = new Attr { Type = "bool" } } } } },
                },
            },
        };

        var problems = HclSpecValidator.Validate(spec);

        Assert.Contains(problems, p => p.StartsWith("root.empty: Invalid spec block", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("root.dflt.primary: attribute has no name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("root.dflt.default: missing spec", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("root.blk: Missing spec block", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("root.typ: invalid type ''", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("root.tuple[0]: attribute has no name", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Fact]
    public void Validate_Null_NilSpecProblem() => Assert.Equal(["root: nil spec given"], HclSpecValidator.Validate(null));
}
