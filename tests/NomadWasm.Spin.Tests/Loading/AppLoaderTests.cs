using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Tests.Loading;

public sealed class AppLoaderTests : IDisposable
{
    private const string Manifest = """
        spin_manifest_version = 2

        [application]
        name = "tmp-app"

        [variables]
        db_host = { default = "localhost" }
        api_key = { required = true, secret = true }

        [[trigger.http]]
        route = "/..."
        component = "web"

        [component.web]
        source = "app.wasm"
        allowed_outbound_hosts = ["postgres://{{ db_host }}"]
        variables = { key = "{{ api_key }}" }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("nw-load-").FullName;

    public AppLoaderTests()
    {
        File.WriteAllText(Path.Combine(_dir, "spin.toml"), Manifest);
        File.WriteAllBytes(Path.Combine(_dir, "app.wasm"), [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AppLoadOptions With(params (string Key, string Value)[] values) =>
        new() { VariableProviders = [new StaticVariableProvider(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)))] };

    [Fact]
    public void Load_Directory_FindsSpinTomlAndResolvesPaths()
    {
        var app = AppLoader.Load(_dir, With(("api_key", "k")));

        Assert.Equal("tmp-app", app.Name);
        Assert.Equal(Path.Combine(_dir, "spin.toml"), app.ManifestPath);
        Assert.Equal(_dir, app.AppDirectory);
        Assert.Equal(Path.Combine(_dir, "app.wasm"), app.FindComponent("web")?.SourcePath);
    }

    [Fact]
    public void Load_TemplatedAllowedHost_UsesProviderValueOverDefault()
    {
        var app = AppLoader.Load(_dir, With(("api_key", "k"), ("db_host", "db.prod")));

        var hosts = app.FindComponent("web")!.AllowedOutboundHosts;
        Assert.True(hosts.IsAllowed(new Uri("postgres://db.prod:5432")));
        Assert.False(hosts.IsAllowed(new Uri("postgres://localhost:5432")));
        Assert.Equal(["postgres://{{ db_host }}"], app.FindComponent("web")!.AllowedOutboundHostEntries);
    }

    [Fact]
    public void Load_RequiredVariableMissing_FailsNamingIt()
    {
        var ex = Assert.Throws<ManifestException>(() => AppLoader.Load(_dir));

        Assert.Contains("\"api_key\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RequiredCheckDisabled_Loads()
    {
        var app = AppLoader.Load(_dir, new AppLoadOptions { CheckRequiredVariables = false });

        Assert.True(app.Variables["api_key"].Required);
        Assert.True(app.Variables["api_key"].Secret);
    }

    [Fact]
    public void Load_MissingPath_ThrowsManifestException()
    {
        var ex = Assert.Throws<ManifestException>(() => AppLoader.Load(Path.Combine(_dir, "nope")));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BareWasmFile_IsOneComponentOnWildcardRoute()
    {
        var app = AppLoader.Load(Path.Combine(_dir, "app.wasm"));

        Assert.Equal("app", app.Name);
        var trigger = Assert.Single(app.HttpTriggers);
        Assert.Equal("/...", trigger.Route);
        Assert.Equal("http-trigger1", trigger.Id);
        Assert.Equal("http-trigger1-component", trigger.ComponentId);
        Assert.Equal(Path.Combine(_dir, "app.wasm"), Assert.Single(app.Components).SourcePath);
    }

    [Fact]
    public void FindManifest_FromSubdirectory_WalksUp()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "a", "b")).FullName;

        Assert.Equal(Path.Combine(_dir, "spin.toml"), AppLoader.FindManifest(sub));
    }

    [Fact]
    public void GetComponentVariable_AfterLoad_ExpandsTemplateWithProviders()
    {
        var options = With(("api_key", "s3cret"));
        var app = AppLoader.Load(_dir, options);
        var resolver = new VariableResolver(app, options.VariableProviders!);

        Assert.Equal("s3cret", resolver.GetComponentVariable(app.FindComponent("web")!, "key"));
    }
}
