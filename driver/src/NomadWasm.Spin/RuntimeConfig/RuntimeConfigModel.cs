namespace NomadWasm.Spin.RuntimeConfig;

/// <summary>
/// A parsed <c>--runtime-config-file</c> (crates/runtime-config/src/lib.rs; spec §5.1). Paths are
/// already resolved: key-value <c>spin</c> paths and <c>state_dir</c>/<c>log_dir</c> against the file's
/// directory, SQLite <c>spin</c> paths against the current directory (spec §9 item 7).
/// </summary>
public sealed record RuntimeConfigModel
{
    /// <summary>The empty configuration (no file given).</summary>
    public static RuntimeConfigModel Empty { get; } = new();

    /// <summary>Absolute path of the file, or null when there is none.</summary>
    public string? FilePath { get; init; }

    /// <summary><c>state_dir</c> as given: null = not set (use the default), "" = explicitly unset, else an absolute path.</summary>
    public string? StateDir { get; init; }

    /// <summary><c>log_dir</c> as given: null = not set (default <c>&lt;state_dir&gt;/logs</c>), "" = no file logs, else an absolute path.</summary>
    public string? LogDir { get; init; }

    /// <summary><c>max_instance_memory</c> in bytes, or null.</summary>
    public long? MaxInstanceMemory { get; init; }

    /// <summary><c>[key_value_store.&lt;label&gt;]</c> entries as written (the implicit <c>default</c> is not included; see <see cref="GetKeyValueStore"/>).</summary>
    public IReadOnlyDictionary<string, KeyValueStoreConfig> KeyValueStores { get; init; } = new Dictionary<string, KeyValueStoreConfig>();

    /// <summary><c>[sqlite_database.&lt;label&gt;]</c> entries as written.</summary>
    public IReadOnlyDictionary<string, SqliteDatabaseConfig> SqliteDatabases { get; init; } = new Dictionary<string, SqliteDatabaseConfig>();

    /// <summary><c>[[variables_provider]]</c> / <c>[[config_provider]]</c> entries in file order.</summary>
    public IReadOnlyList<VariablesProviderConfig> VariablesProviders { get; init; } = [];

    /// <summary><c>[llm_compute]</c>, or null.</summary>
    public LlmComputeConfig? LlmCompute { get; init; }

    /// <summary><c>[outbound_http]</c>, or null.</summary>
    public OutboundHttpConfig? OutboundHttp { get; init; }

    /// <summary><c>[outbound_networking]</c>, or null.</summary>
    public OutboundNetworkingConfig? OutboundNetworking { get; init; }

    /// <summary><c>[[client_tls]]</c> entries.</summary>
    public IReadOnlyList<ClientTlsConfig> ClientTls { get; init; } = [];

    /// <summary><c>max_connections</c> of <c>[outbound_redis]</c>, <c>[outbound_pg]</c>, <c>[outbound_mysql]</c>, <c>[outbound_mqtt]</c>, by table name.</summary>
    public IReadOnlyDictionary<string, int?> OutboundMaxConnections { get; init; } = new Dictionary<string, int?>();

    /// <summary>
    /// The effective state directory: <c>state_dir</c> when given ("" = none), else <c>&lt;app dir&gt;/.spin</c>
    /// for local apps (<paramref name="appDirectory"/> non-null), else none.
    /// </summary>
    public string? ResolveStateDir(string? appDirectory) => StateDir switch
    {
        null => appDirectory is null ? null : Path.Combine(appDirectory, ".spin"),
        "" => null,
        var dir => dir,
    };

    /// <summary>The effective log directory: <c>log_dir</c> when given ("" = none), else <c>&lt;state_dir&gt;/logs</c>.</summary>
    public string? ResolveLogDir(string? stateDir) => LogDir switch
    {
        null => stateDir is null ? null : Path.Combine(stateDir, "logs"),
        "" => null,
        var dir => dir,
    };

    /// <summary>
    /// The store behind <paramref name="label"/>: the configured one, or for <c>default</c> the implicit
    /// SQLite store <c>&lt;state_dir&gt;/sqlite_key_value.db</c> (in memory without a state dir; spec §4.1).
    /// Null when the label is not defined.
    /// </summary>
    public KeyValueStoreConfig? GetKeyValueStore(string label, string? stateDir)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (KeyValueStores.TryGetValue(label, out var store))
        {
            return store;
        }

        return label == "default"
            ? new KeyValueStoreConfig("spin") { Path = stateDir is null ? null : System.IO.Path.Combine(stateDir, "sqlite_key_value.db") }
            : null;
    }

    /// <summary>
    /// Startup check (spec §4.1): every <c>key_value_stores</c> label of every component must be defined
    /// (<c>default</c> always is). Throws <see cref="NomadWasm.Spin.Manifest.ManifestException"/> naming the component and label.
    /// </summary>
    public void ValidateKeyValueStores(NomadWasm.Spin.Loading.LoadedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var component in app.Components)
        {
            foreach (var label in component.KeyValueStores)
            {
                if (label != "default" && !KeyValueStores.ContainsKey(label))
                {
                    throw new NomadWasm.Spin.Manifest.ManifestException(
                        app.ManifestPath,
                        $"component.{component.Id}.key_value_stores",
                        $"unknown key-value store \"{label}\": define it in the runtime config file as [key_value_store.{label}]" + (FilePath is null ? " (no --runtime-config-file was given)" : $" ({FilePath})"));
                }
            }
        }
    }

    /// <summary>
    /// Startup check (spec §4.5): every <c>sqlite_databases</c> label of every component must be defined
    /// (<c>default</c> always is). Throws <see cref="NomadWasm.Spin.Manifest.ManifestException"/> naming the component and label.
    /// </summary>
    public void ValidateSqliteDatabases(NomadWasm.Spin.Loading.LoadedApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var component in app.Components)
        {
            foreach (var label in component.SqliteDatabases)
            {
                if (label != "default" && !SqliteDatabases.ContainsKey(label))
                {
                    throw new NomadWasm.Spin.Manifest.ManifestException(
                        app.ManifestPath,
                        $"component.{component.Id}.sqlite_databases",
                        $"unknown SQLite database \"{label}\": define it in the runtime config file as [sqlite_database.{label}]" + (FilePath is null ? " (no --runtime-config-file was given)" : $" ({FilePath})"));
                }
            }
        }
    }

    /// <summary>
    /// The database behind <paramref name="label"/>: the configured one, or for <c>default</c>
    /// <c>&lt;state_dir&gt;/sqlite_db.db</c> (in memory without a state dir; spec §4.5). Null when undefined.
    /// </summary>
    public SqliteDatabaseConfig? GetSqliteDatabase(string label, string? stateDir)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (SqliteDatabases.TryGetValue(label, out var db))
        {
            return db;
        }

        return label == "default"
            ? new SqliteDatabaseConfig("spin") { Path = stateDir is null ? null : System.IO.Path.Combine(stateDir, "sqlite_db.db") }
            : null;
    }
}

/// <summary>A key-value store: <c>type = "spin"</c> (SQLite file at <see cref="Path"/>, or in memory when null), <c>"redis"</c> (<see cref="Url"/>), <c>"azure_cosmos"</c>, <c>"aws_dynamo"</c> (<see cref="Settings"/>).</summary>
/// <param name="Type">The store type.</param>
public sealed record KeyValueStoreConfig(string Type)
{
    /// <summary>Absolute SQLite path for <c>spin</c> stores; null = in memory.</summary>
    public string? Path { get; init; }

    /// <summary>The Redis URL for <c>redis</c> stores.</summary>
    public string? Url { get; init; }

    /// <summary>Other keys (cloud stores), as strings (booleans as <c>true</c>/<c>false</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>A SQLite database: <c>type = "spin"</c> (file at <see cref="Path"/>, in memory when null) or <c>"libsql"</c> (<see cref="Url"/>, <see cref="Token"/>).</summary>
/// <param name="Type">The database type.</param>
public sealed record SqliteDatabaseConfig(string Type)
{
    /// <summary>Absolute path for <c>spin</c> databases; null = in memory.</summary>
    public string? Path { get; init; }

    /// <summary><c>allow_attach_file</c>: absolute path of a file the database may ATTACH, or null.</summary>
    public IReadOnlyList<string> AllowAttachFiles { get; init; } = [];

    /// <summary>The libSQL URL.</summary>
    public string? Url { get; init; }

    /// <summary>The libSQL token.</summary>
    public string? Token { get; init; }
}

/// <summary>A variables provider from the runtime config (spec §4.2).</summary>
public abstract record VariablesProviderConfig
{
    private protected VariablesProviderConfig()
    {
    }
}

/// <summary><c>type = "vault"</c>: HashiCorp Vault KV v2 (<c>GET &lt;url&gt;/v1/&lt;mount&gt;/data/&lt;prefix/&gt;name</c>, field <c>value</c>).</summary>
public sealed record VaultVariablesProviderConfig(string Url, string Token, string Mount, string? Prefix) : VariablesProviderConfig
{
    /// <inheritdoc/>
    public override string ToString() => $"VaultVariablesProviderConfig {{ Url = {Url}, Mount = {Mount}, Prefix = {Prefix}, Token = *** }}";
}

/// <summary><c>type = "azure_key_vault"</c>.</summary>
public sealed record AzureKeyVaultVariablesProviderConfig(string VaultUrl, string? ClientId, string? ClientSecret, string? TenantId, string AuthorityHost) : VariablesProviderConfig;

/// <summary><c>type = "static"</c> with <c>values = { name = "value" }</c>.</summary>
public sealed record StaticVariablesProviderConfig(IReadOnlyDictionary<string, string> Values) : VariablesProviderConfig;

/// <summary><c>type = "env"</c> with optional <c>prefix</c> and <c>dotenv_path</c> (resolved).</summary>
public sealed record EnvVariablesProviderConfig(string? Prefix, string? DotenvPath) : VariablesProviderConfig;

/// <summary><c>[llm_compute]</c>: <c>type = "spin"</c> or <c>"remote_http"</c>.</summary>
public sealed record LlmComputeConfig(string Type, string? Url, string? AuthToken, string? ApiType);

/// <summary><c>[outbound_http]</c>.</summary>
public sealed record OutboundHttpConfig(bool? ConnectionPooling, int? MaxConnections);

/// <summary><c>[outbound_networking]</c>.</summary>
public sealed record OutboundNetworkingConfig(IReadOnlyList<string> BlockNetworks, int? MaxSocketConnections, int? MaxTotalConnections);

/// <summary>One <c>[[client_tls]]</c> entry (file paths resolved against the runtime-config file's directory).</summary>
public sealed record ClientTlsConfig(
    IReadOnlyList<string> ComponentIds,
    IReadOnlyList<string> Hosts,
    bool? CaUsePlatformRoots,
    bool? CaUseWebpkiRoots,
    string? CaRootsFile,
    string? ClientCertFile,
    string? ClientPrivateKeyFile);
