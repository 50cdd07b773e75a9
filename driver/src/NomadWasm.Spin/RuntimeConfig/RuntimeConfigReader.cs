using System.Globalization;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.RuntimeConfig;

/// <summary>
/// Reads a runtime-config file (<c>--runtime-config-file</c>; crates/runtime-config/src/lib.rs, spec §5.1).
/// Unknown top-level keys and unknown keys in known tables are errors, reported as
/// <see cref="ManifestException"/> with file, key, line and column.
/// </summary>
public static class RuntimeConfigReader
{
    private static readonly string[] TopLevelKeys =
    [
        "state_dir", "log_dir", "max_instance_memory", "key_value_store", "sqlite_database", "variables_provider",
        "config_provider", "llm_compute", "outbound_http", "outbound_networking", "client_tls", "outbound_redis",
        "outbound_pg", "outbound_mysql", "outbound_mqtt",
    ];

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="ManifestException">The file is missing, not TOML, or invalid.</exception>
    public static RuntimeConfigModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Path.GetFullPath(path);
        if (!File.Exists(file))
        {
            throw new ManifestException(file, null, "the runtime config file does not exist");
        }

        return Parse(File.ReadAllBytes(file), file, Directory.GetCurrentDirectory());
    }

    /// <summary>Parses runtime-config TOML; <paramref name="file"/> names it in errors and anchors relative paths.</summary>
    public static RuntimeConfigModel Parse(byte[] utf8, string file, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(file);
        TomlTable root;
        try
        {
            root = TomlReader.Parse(utf8);
        }
        catch (TomlException ex)
        {
            throw new ManifestException(file, null, "invalid TOML: " + ex.Reason, ex.Line, ex.Column, ex);
        }

        var toml = new TomlAccess(file);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(file))!;
        toml.DenyUnknownKeys(root, "", TopLevelKeys);

        var maxMemory = toml.OptionalInteger(root, "max_instance_memory", "");
        if (maxMemory is < 0)
        {
            throw toml.Error("max_instance_memory", "must not be negative", root["max_instance_memory"]);
        }

        return new RuntimeConfigModel
        {
            FilePath = file,
            StateDir = ResolveOptionalDir(toml.OptionalString(root, "state_dir", ""), baseDir),
            LogDir = ResolveOptionalDir(toml.OptionalString(root, "log_dir", ""), baseDir),
            MaxInstanceMemory = maxMemory,
            KeyValueStores = ReadKeyValueStores(toml, root, baseDir),
            SqliteDatabases = ReadSqliteDatabases(toml, root, currentDirectory),
            // Both spellings are accepted; when both appear, variables_provider entries come first.
            VariablesProviders = [.. ReadProviders(toml, root, "variables_provider", baseDir), .. ReadProviders(toml, root, "config_provider", baseDir)],
            LlmCompute = ReadLlm(toml, root),
            OutboundHttp = ReadOutboundHttp(toml, root),
            OutboundNetworking = ReadOutboundNetworking(toml, root),
            ClientTls = ReadClientTls(toml, root, baseDir),
            OutboundMaxConnections = ReadMaxConnections(toml, root),
        };
    }

    private static string? ResolveOptionalDir(string? value, string baseDir) =>
        value is null or "" ? value : Path.GetFullPath(Path.Combine(baseDir, value));

    private static Dictionary<string, KeyValueStoreConfig> ReadKeyValueStores(TomlAccess toml, TomlTable root, string baseDir)
    {
        var result = new Dictionary<string, KeyValueStoreConfig>(StringComparer.Ordinal);
        var stores = toml.OptionalTable(root, "key_value_store", "");
        if (stores is null)
        {
            return result;
        }

        foreach (var (label, value) in stores)
        {
            var path = TomlAccess.Join("key_value_store", label);
            var table = toml.AsTable(value, path);
            var type = toml.RequireString(table, "type", path);
            KeyValueStoreConfig config;
            switch (type)
            {
                case "spin":
                    toml.DenyUnknownKeys(table, path, "type", "path");
                    var file = toml.OptionalString(table, "path", path);
                    config = new KeyValueStoreConfig(type) { Path = file is null ? null : Path.GetFullPath(Path.Combine(baseDir, file)) };
                    break;
                case "redis":
                    toml.DenyUnknownKeys(table, path, "type", "url");
                    config = new KeyValueStoreConfig(type) { Url = toml.RequireString(table, "url", path) };
                    break;
                case "azure_cosmos":
                    toml.DenyUnknownKeys(table, path, "type", "key", "account", "database", "container");
                    foreach (var required in new[] { "account", "database", "container" })
                    {
                        _ = toml.RequireString(table, required, path);
                    }

                    config = new KeyValueStoreConfig(type) { Settings = Settings(toml, table, path) };
                    break;
                case "aws_dynamo":
                    toml.DenyUnknownKeys(table, path, "type", "region", "table", "consistent_read", "access_key", "secret_key", "token");
                    _ = toml.RequireString(table, "region", path);
                    _ = toml.RequireString(table, "table", path);
                    _ = toml.OptionalBool(table, "consistent_read", path);
                    config = new KeyValueStoreConfig(type) { Settings = Settings(toml, table, path) };
                    break;
                default:
                    throw toml.Error(TomlAccess.Join(path, "type"), $"unknown key-value store type \"{type}\"; expected \"spin\", \"redis\", \"azure_cosmos\" or \"aws_dynamo\"", table["type"]);
            }

            result[label] = config;
        }

        return result;
    }

    private static Dictionary<string, string> Settings(TomlAccess toml, TomlTable table, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in table)
        {
            if (key == "type")
            {
                continue;
            }

            result[key] = value switch
            {
                TomlString s => s.Value,
                TomlBoolean b => b.Value ? "true" : "false",
                _ => throw toml.TypeError(TomlAccess.Join(path, key), "a string", value),
            };
        }

        return result;
    }

    private static Dictionary<string, SqliteDatabaseConfig> ReadSqliteDatabases(TomlAccess toml, TomlTable root, string currentDirectory)
    {
        var result = new Dictionary<string, SqliteDatabaseConfig>(StringComparer.Ordinal);
        var databases = toml.OptionalTable(root, "sqlite_database", "");
        if (databases is null)
        {
            return result;
        }

        foreach (var (label, value) in databases)
        {
            var path = TomlAccess.Join("sqlite_database", label);
            var table = toml.AsTable(value, path);
            var type = toml.RequireString(table, "type", path);
            switch (type)
            {
                case "spin":
                    {
                        toml.DenyUnknownKeys(table, path, "type", "path", "allow_attach_file");
                        var file = toml.OptionalString(table, "path", path);
                        var attach = table.TryGetValue("allow_attach_file", out var a)
                            ? a is TomlString s ? [s.Value] : toml.OptionalStringArray(table, "allow_attach_file", path).Select(x => x.Value).ToList()
                            : [];
                        result[label] = new SqliteDatabaseConfig(type)
                        {
                            Path = file is null ? null : Path.GetFullPath(Path.Combine(currentDirectory, file)),
                            AllowAttachFiles = [.. attach.Select(f => Path.GetFullPath(Path.Combine(currentDirectory, f)))],
                        };
                        break;
                    }

                case "libsql":
                    toml.DenyUnknownKeys(table, path, "type", "url", "token");
                    result[label] = new SqliteDatabaseConfig(type) { Url = toml.RequireString(table, "url", path), Token = toml.RequireString(table, "token", path) };
                    break;
                default:
                    throw toml.Error(TomlAccess.Join(path, "type"), $"unknown SQLite database type \"{type}\"; expected \"spin\" or \"libsql\"", table["type"]);
            }
        }

        return result;
    }

    private static List<VariablesProviderConfig> ReadProviders(TomlAccess toml, TomlTable root, string key, string baseDir)
    {
        var result = new List<VariablesProviderConfig>();
        if (!root.TryGetValue(key, out var value))
        {
            return result;
        }

        if (value is not TomlArray array || array.Any(e => e is not TomlTable))
        {
            throw toml.Error(key, $"expected an array of tables (`[[{key}]]`), found {TomlReader.WithArticle(value.TypeName)}", value);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"{key}[{i}]";
            var table = (TomlTable)array[i];
            var type = toml.RequireString(table, "type", path);
            switch (type)
            {
                case "vault":
                    toml.DenyUnknownKeys(table, path, "type", "url", "token", "mount", "prefix");
                    result.Add(new VaultVariablesProviderConfig(
                        toml.RequireString(table, "url", path),
                        toml.RequireString(table, "token", path),
                        toml.RequireString(table, "mount", path),
                        toml.OptionalString(table, "prefix", path)));
                    break;
                case "azure_key_vault":
                    {
                        toml.DenyUnknownKeys(table, path, "type", "vault_url", "client_id", "client_secret", "tenant_id", "authority_host");
                        var credentials = new[] { "client_id", "client_secret", "tenant_id" };
                        var given = credentials.Count(table.ContainsKey);
                        if (given is not (0 or 3))
                        {
                            throw toml.Error(path, "give all of `client_id`, `client_secret` and `tenant_id`, or none of them (to use the ambient credential chain)", table);
                        }

                        var authority = toml.OptionalString(table, "authority_host", path) ?? "AzurePublicCloud";
                        if (authority is not ("AzurePublicCloud" or "AzureChina" or "AzureGermany" or "AzureGovernment"))
                        {
                            throw toml.Error(TomlAccess.Join(path, "authority_host"), $"unknown authority host \"{authority}\"; expected AzurePublicCloud, AzureChina, AzureGermany or AzureGovernment", table["authority_host"]);
                        }

                        result.Add(new AzureKeyVaultVariablesProviderConfig(
                            toml.RequireString(table, "vault_url", path),
                            toml.OptionalString(table, "client_id", path),
                            toml.OptionalString(table, "client_secret", path),
                            toml.OptionalString(table, "tenant_id", path),
                            authority));
                        break;
                    }

                case "static":
                    toml.DenyUnknownKeys(table, path, "type", "values");
                    result.Add(new StaticVariablesProviderConfig(toml.OptionalStringMap(table, "values", path).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)));
                    break;
                case "env":
                    {
                        toml.DenyUnknownKeys(table, path, "type", "prefix", "dotenv_path");
                        var dotenv = toml.OptionalString(table, "dotenv_path", path);
                        result.Add(new EnvVariablesProviderConfig(toml.OptionalString(table, "prefix", path), dotenv is null ? null : Path.GetFullPath(Path.Combine(baseDir, dotenv))));
                        break;
                    }

                default:
                    throw toml.Error(TomlAccess.Join(path, "type"), $"unknown variables provider type \"{type}\"; expected \"vault\", \"azure_key_vault\", \"static\" or \"env\"", table["type"]);
            }
        }

        return result;
    }

    private static LlmComputeConfig? ReadLlm(TomlAccess toml, TomlTable root)
    {
        var table = toml.OptionalTable(root, "llm_compute", "");
        if (table is null)
        {
            return null;
        }

        const string path = "llm_compute";
        var type = toml.RequireString(table, "type", path);
        switch (type)
        {
            case "spin":
                toml.DenyUnknownKeys(table, path, "type");
                return new LlmComputeConfig(type, null, null, null);
            case "remote_http":
                {
                    toml.DenyUnknownKeys(table, path, "type", "url", "auth_token", "api_type");
                    var apiType = toml.OptionalString(table, "api_type", path) ?? "default";
                    if (apiType is not ("default" or "open_ai"))
                    {
                        throw toml.Error(TomlAccess.Join(path, "api_type"), $"unknown api_type \"{apiType}\"; expected \"default\" or \"open_ai\"", table["api_type"]);
                    }

                    return new LlmComputeConfig(type, toml.RequireString(table, "url", path), toml.RequireString(table, "auth_token", path), apiType);
                }

            default:
                throw toml.Error(TomlAccess.Join(path, "type"), $"unknown llm_compute type \"{type}\"; expected \"spin\" or \"remote_http\"", table["type"]);
        }
    }

    private static OutboundHttpConfig? ReadOutboundHttp(TomlAccess toml, TomlTable root)
    {
        var table = toml.OptionalTable(root, "outbound_http", "");
        if (table is null)
        {
            return null;
        }

        const string path = "outbound_http";
        toml.DenyUnknownKeys(table, path, "connection_pooling", "max_connections", "max_concurrent_requests");
        var max = OptionalCount(toml, table, "max_connections", path) ?? OptionalCount(toml, table, "max_concurrent_requests", path);
        return new OutboundHttpConfig(toml.OptionalBool(table, "connection_pooling", path), max);
    }

    private static OutboundNetworkingConfig? ReadOutboundNetworking(TomlAccess toml, TomlTable root)
    {
        var table = toml.OptionalTable(root, "outbound_networking", "");
        if (table is null)
        {
            return null;
        }

        const string path = "outbound_networking";
        toml.DenyUnknownKeys(table, path, "block_networks", "max_socket_connections", "max_total_connections");
        return new OutboundNetworkingConfig(
            [.. toml.OptionalStringArray(table, "block_networks", path).Select(b => b.Value)],
            OptionalCount(toml, table, "max_socket_connections", path),
            OptionalCount(toml, table, "max_total_connections", path));
    }

    private static List<ClientTlsConfig> ReadClientTls(TomlAccess toml, TomlTable root, string baseDir)
    {
        var result = new List<ClientTlsConfig>();
        if (!root.TryGetValue("client_tls", out var value))
        {
            return result;
        }

        if (value is not TomlArray array || array.Any(e => e is not TomlTable))
        {
            throw toml.Error("client_tls", $"expected an array of tables (`[[client_tls]]`), found {TomlReader.WithArticle(value.TypeName)}", value);
        }

        string? Resolve(string? p) => p is null ? null : Path.GetFullPath(Path.Combine(baseDir, p));

        for (var i = 0; i < array.Count; i++)
        {
            var path = $"client_tls[{i}]";
            var table = (TomlTable)array[i];
            toml.DenyUnknownKeys(table, path, "component_ids", "hosts", "ca_use_platform_roots", "ca_use_webpki_roots", "ca_roots_file", "client_cert_file", "client_private_key_file");
            result.Add(new ClientTlsConfig(
                [.. toml.OptionalStringArray(table, "component_ids", path).Select(c => c.Value)],
                [.. toml.OptionalStringArray(table, "hosts", path).Select(h => h.Value)],
                toml.OptionalBool(table, "ca_use_platform_roots", path),
                toml.OptionalBool(table, "ca_use_webpki_roots", path),
                Resolve(toml.OptionalString(table, "ca_roots_file", path)),
                Resolve(toml.OptionalString(table, "client_cert_file", path)),
                Resolve(toml.OptionalString(table, "client_private_key_file", path))));
        }

        return result;
    }

    private static Dictionary<string, int?> ReadMaxConnections(TomlAccess toml, TomlTable root)
    {
        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var key in new[] { "outbound_redis", "outbound_pg", "outbound_mysql", "outbound_mqtt" })
        {
            var table = toml.OptionalTable(root, key, "");
            if (table is null)
            {
                continue;
            }

            toml.DenyUnknownKeys(table, key, "max_connections");
            result[key] = OptionalCount(toml, table, "max_connections", key);
        }

        return result;
    }

    private static int? OptionalCount(TomlAccess toml, TomlTable table, string key, string path)
    {
        var value = toml.OptionalInteger(table, key, path);
        if (value is null)
        {
            return null;
        }

        if (value is < 0 or > int.MaxValue)
        {
            throw toml.Error(TomlAccess.Join(path, key), string.Create(CultureInfo.InvariantCulture, $"{value} is out of range"), table[key]);
        }

        return (int)value;
    }
}
