using NomadWasm.Spin.RuntimeConfig;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Tests.Variables;

public sealed class VariableProvidersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nw-vars-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Build_SpinThreeOrder_CliThenRuntimeConfigThenEnvironment()
    {
        var env = new Dictionary<string, string> { ["SPIN_VARIABLE_A"] = "env", ["SPIN_VARIABLE_B"] = "env", ["SPIN_VARIABLE_C"] = "env" };
        var runtimeConfig = new RuntimeConfigModel
        {
            VariablesProviders = [new StaticVariablesProviderConfig(new Dictionary<string, string> { ["a"] = "rc", ["b"] = "rc" })],
        };

        var providers = VariableProviders.Build([new("a", "cli")], runtimeConfig, getEnvironment: k => env.GetValueOrDefault(k));
        string Resolve(string name) => providers.Select(p => p.TryGet(name, out var v) ? v : null).First(v => v is not null)!;

        Assert.Equal("cli", Resolve("a"));
        Assert.Equal("rc", Resolve("b"));
        Assert.Equal("env", Resolve("c"));
    }

    [Fact]
    public void Build_VaultWithoutFactory_ThrowsNamingProvider()
    {
        var runtimeConfig = new RuntimeConfigModel { VariablesProviders = [new VaultVariablesProviderConfig("http://vault:8200", "t", "secret", null)] };

        var ex = Assert.Throws<NotSupportedException>(() => VariableProviders.Build([], runtimeConfig));
        Assert.Contains("vault", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvProvider_CustomPrefixAndDotenvFallback()
    {
        var dotenv = Path.Combine(_dir, ".env");
        File.WriteAllText(dotenv, "# comment\nexport MY_DB_URL=\"postgres://x\"\nMY_PLAIN=value # trailing\n");
        var provider = new EnvVariableProvider("MY", dotenv, k => k == "MY_TOKEN" ? "from-env" : null);

        Assert.True(provider.TryGet("token", out var token));
        Assert.Equal("from-env", token);
        Assert.True(provider.TryGet("db_url", out var url));
        Assert.Equal("postgres://x", url);
        Assert.True(provider.TryGet("plain", out var plain));
        Assert.Equal("value", plain);
        Assert.False(provider.TryGet("missing", out _));
        Assert.False(provider.MayResolve("missing"));
    }

    [Fact]
    public void Parse_VariableArguments_AllForms()
    {
        File.WriteAllText(Path.Combine(_dir, "secret.txt"), "s3cret");
        File.WriteAllText(Path.Combine(_dir, "vars.json"), """{ "j": "json" }""");
        File.WriteAllText(Path.Combine(_dir, "vars.toml"), "t = \"toml\"\n");

        var values = VariableArguments.Parse(["a=1", "b=@secret.txt", "@vars.json", "@vars.toml", "a=2", "eq=x=y"], _dir);

        Assert.Equal("2", values["a"]);
        Assert.Equal("s3cret", values["b"]);
        Assert.Equal("json", values["j"]);
        Assert.Equal("toml", values["t"]);
        Assert.Equal("x=y", values["eq"]);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=x")]
    [InlineData("@missing.json")]
    [InlineData("a=@missing.txt")]
    public void Parse_BadVariableArgument_Throws(string argument)
    {
        Assert.Throws<FormatException>(() => VariableArguments.Parse([argument], _dir));
    }
}
