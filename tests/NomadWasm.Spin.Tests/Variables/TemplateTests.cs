using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Tests.Variables;

public sealed class TemplateTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("{{ name }}", "<name>")]
    [InlineData("{{name}}", "<name>")]
    [InlineData("I'm a {{object}}", "I'm a <object>")]
    [InlineData("https://{{ host }}:{{ port }}/x", "https://<host>:<port>/x")]
    [InlineData("a }} b", "a }} b")]
    [InlineData("{{ a }}{{ b }}", "<a><b>")]
    [InlineData("", "")]
    public void Render_Template_ReplacesEachExpression(string text, string expected)
    {
        var template = Template.Parse(text);

        Assert.Equal(expected, template.Render(name => $"<{name}>"));
    }

    [Theory]
    [InlineData("hello {{ name")]
    [InlineData("{{")]
    [InlineData("a {{ b }} {{ c")]
    [InlineData("{{ }}")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => Template.Parse(text));
    }

    [Fact]
    public void References_RepeatedName_ListedOnceInOrder()
    {
        var template = Template.Parse("{{ b }}-{{ a }}-{{ b }}");

        Assert.Equal(["b", "a"], template.References);
        Assert.False(template.IsLiteral);
        Assert.True(Template.Parse("x").IsLiteral);
    }
}
