using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.RuntimeConfig;

namespace NomadWasm.Spin.Tests.RuntimeConfig;

public sealed class RuntimeConfigModelTests
{
    [Theory]
    [InlineData(null, "/app", "/app/.spin")]
    [InlineData(null, null, null)]
    [InlineData("", "/app", null)]
    [InlineData("/state", "/app", "/state")]
    public void ResolveStateDir_DefaultsLikeSpin(string? configured, string? appDir, string? expected)
    {
        var model = new RuntimeConfigModel { StateDir = configured };

        Assert.Equal(expected, model.ResolveStateDir(appDir));
    }

    [Theory]
    [InlineData(null, "/state", "/state/logs")]
    [InlineData(null, null, null)]
    [InlineData("", "/state", null)]
    [InlineData("/logs", "/state", "/logs")]
    public void ResolveLogDir_DefaultsLikeSpin(string? configured, string? stateDir, string? expected)
    {
        var model = new RuntimeConfigModel { LogDir = configured };

        Assert.Equal(expected, model.ResolveLogDir(stateDir));
    }

    [Fact]
    public void GetKeyValueStore_ImplicitDefault_IsSqliteInStateDirOrMemory()
    {
        var model = RuntimeConfigModel.Empty;

        var store = model.GetKeyValueStore("default", "/state");
        Assert.Equal("spin", store?.Type);
        Assert.Equal("/state/sqlite_key_value.db", store?.Path);
        Assert.Null(model.GetKeyValueStore("default", null)!.Path);
        Assert.Null(model.GetKeyValueStore("other", "/state"));
        Assert.Equal("/state/sqlite_db.db", model.GetSqliteDatabase("default", "/state")!.Path);
    }

    [Fact]
    public void ValidateKeyValueStores_UndefinedLabel_NamesComponentAndLabel()
    {
        var component = new LoadedComponent("cart", "/c.wasm", [], new Dictionary<string, string>(), AllowedOutboundHosts.None, ["default", "sessions"], new Dictionary<string, string>());
        var app = new LoadedApp("a", null, null, "/app", new Dictionary<string, VariableDefinition>(), [component], [], "/") { ManifestPath = "/app/spin.toml" };

        var ex = Assert.Throws<ManifestException>(() => RuntimeConfigModel.Empty.ValidateKeyValueStores(app));
        Assert.Contains("\"sessions\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal("component.cart.key_value_stores", ex.Key);

        var configured = new RuntimeConfigModel { KeyValueStores = new Dictionary<string, KeyValueStoreConfig> { ["sessions"] = new("redis") { Url = "redis://x" } } };
        configured.ValidateKeyValueStores(app);
    }

    [Fact]
    public void ValidateSqliteDatabases_UndefinedLabel_NamesComponentAndLabel()
    {
        var component = new LoadedComponent("db", "/c.wasm", [], new Dictionary<string, string>(), AllowedOutboundHosts.None, [], new Dictionary<string, string>())
        {
            SqliteDatabases = ["default", "analytics"],
        };
        var app = new LoadedApp("a", null, null, "/app", new Dictionary<string, VariableDefinition>(), [component], [], "/") { ManifestPath = "/app/spin.toml" };

        var ex = Assert.Throws<ManifestException>(() => RuntimeConfigModel.Empty.ValidateSqliteDatabases(app));
        Assert.Contains("\"analytics\"", ex.Message, StringComparison.Ordinal);

        var configured = new RuntimeConfigModel { SqliteDatabases = new Dictionary<string, SqliteDatabaseConfig> { ["analytics"] = new("spin") } };
        configured.ValidateSqliteDatabases(app);
    }
}
