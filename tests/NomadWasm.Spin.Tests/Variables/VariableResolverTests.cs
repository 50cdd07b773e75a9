using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Tests.Variables;

public sealed class VariableResolverTests
{
    private static readonly Dictionary<string, VariableDefinition> Definitions = new()
    {
        ["object"] = new VariableDefinition("teapot", Required: false, Secret: false),
        ["token"] = new VariableDefinition(null, Required: true, Secret: true),
    };

    private static LoadedComponent Component(Dictionary<string, string> variables) =>
        new("c", "/c.wasm", [], new Dictionary<string, string>(), AllowedOutboundHosts.None, [], variables);

    private static StaticVariableProvider Static(params (string Key, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));

    [Fact]
    public void ResolveVariable_ProvidersInOrder_FirstValueWins()
    {
        var resolver = new VariableResolver(Definitions, [Static(("object", "cli")), Static(("object", "runtime-config"))]);

        Assert.Equal("cli", resolver.ResolveVariable("object"));
    }

    [Fact]
    public void ResolveVariable_NoProviderHasIt_UsesDefault()
    {
        var resolver = new VariableResolver(Definitions, [Static(("other", "x"))]);

        Assert.Equal("teapot", resolver.ResolveVariable("object"));
    }

    [Fact]
    public void ResolveVariable_RequiredWithoutValue_IsProviderError()
    {
        var resolver = new VariableResolver(Definitions, []);

        var ex = Assert.Throws<VariableException>(() => resolver.ResolveVariable("token"));
        Assert.Equal(VariableErrorKind.Provider, ex.Kind);
        Assert.Contains("\"token\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveVariable_ProviderFails_AbortsWithProviderError()
    {
        var resolver = new VariableResolver(Definitions, [new FailingProvider(), Static(("object", "never reached"))]);

        var ex = Assert.Throws<VariableException>(() => resolver.ResolveVariable("object"));
        Assert.Equal(VariableErrorKind.Provider, ex.Kind);
        Assert.Contains("vault unreachable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequired_RequiredVariableOnlyInRemoteStore_Passes()
    {
        var resolver = new VariableResolver(Definitions, [new FailingProvider()]);

        resolver.ValidateRequired();
    }

    [Fact]
    public void ValidateRequired_RequiredVariableNowhere_NamesItAndHowToSetIt()
    {
        var resolver = new VariableResolver(Definitions, [Static(("object", "x"))]);

        var ex = Assert.Throws<VariableException>(resolver.ValidateRequired);
        Assert.Contains("\"token\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SPIN_VARIABLE_TOKEN", ex.Message, StringComparison.Ordinal);
    }

    // Spin's variables test component: get("variable") ok, non_existent → undefined, invalid names → invalid-name.
    [Theory]
    [InlineData("message", null, "I'm a teapot")]
    [InlineData("non_existent", VariableErrorKind.Undefined, null)]
    [InlineData("invalid-name", VariableErrorKind.InvalidName, null)]
    [InlineData("invalid!name", VariableErrorKind.InvalidName, null)]
    [InlineData("4invalidname", VariableErrorKind.InvalidName, null)]
    [InlineData("Upper", VariableErrorKind.InvalidName, null)]
    [InlineData("a__b", VariableErrorKind.InvalidName, null)]
    [InlineData("trailing_", VariableErrorKind.InvalidName, null)]
    [InlineData("", VariableErrorKind.InvalidName, null)]
    [InlineData("secret", VariableErrorKind.Provider, null)]
    public void GetComponentVariable_Name_ResolvesOrFailsWithSpinErrorKind(string name, VariableErrorKind? kind, string? expected)
    {
        var resolver = new VariableResolver(Definitions, []);
        var component = Component(new() { ["message"] = "I'm a {{ object }}", ["secret"] = "{{ token }}" });

        if (kind is null)
        {
            Assert.Equal(expected, resolver.GetComponentVariable(component, name));
        }
        else
        {
            Assert.Equal(kind, Assert.Throws<VariableException>(() => resolver.GetComponentVariable(component, name)).Kind);
        }
    }

    [Theory]
    [InlineData("a", null)]
    [InlineData("api_key2", null)]
    [InlineData("a_b_c", null)]
    [InlineData("_a", "must start with a lowercase letter")]
    [InlineData("a-b", "invalid character '-': only lowercase letters, digits and '_' are allowed")]
    public void Validate_RuntimeNameRules(string name, string? reason)
    {
        Assert.Equal(reason, VariableNames.Validate(name));
    }

    private sealed class FailingProvider : IVariableProvider
    {
        public bool TryGet(string name, out string value) => throw new VariableProviderException("vault unreachable");

        public bool MayResolve(string name) => true;
    }
}
