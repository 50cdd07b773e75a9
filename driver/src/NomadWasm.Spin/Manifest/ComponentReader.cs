using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>Reads a component table (v2 <c>[component.x]</c>, inline trigger components, and v1 <c>[[component]]</c>).</summary>
internal static class ComponentReader
{
    private static readonly string[] V2Keys =
    [
        "source", "description", "variables", "environment", "files", "exclude_files", "allowed_http_hosts",
        "allowed_outbound_hosts", "key_value_stores", "sqlite_databases", "ai_models", "targets", "build", "tool",
        "dependencies_inherit_configuration", "dependencies", "profile",
    ];

    private static readonly string[] V1Keys =
    [
        "id", "source", "description", "config", "environment", "files", "exclude_files", "allowed_http_hosts",
        "allowed_outbound_hosts", "key_value_stores", "sqlite_databases", "ai_models", "build", "trigger",
    ];

    /// <summary>Reads a v2 component. <paramref name="id"/> may be empty for inline components (assigned later).</summary>
    public static ManifestComponent ReadV2(TomlAccess toml, TomlTable table, string id, string path)
    {
        toml.DenyUnknownKeys(table, path, V2Keys);
        var hosts = ReadAllowedHosts(toml, table, path, v1: false);
        ValidateIgnoredKeys(toml, table, path);
        if (table.TryGetValue("dependencies", out var deps) && deps is TomlTable { Count: > 0 })
        {
            throw toml.ErrorAtKey(table, "dependencies", TomlAccess.Join(path, "dependencies"),
                "component dependencies are not supported: compose the component before running it (e.g. `spin build` with wac, or push it with `spin registry push`, which composes by default)");
        }

        return ReadCommon(toml, table, id, path, variablesKey: "variables", hosts);
    }

    /// <summary>Reads a v1 <c>[[component]]</c>; the id is repaired as Spin's compat layer does.</summary>
    public static (ManifestComponent Component, TomlTable TriggerConfig) ReadV1(TomlAccess toml, TomlTable table, string path)
    {
        toml.DenyUnknownKeys(table, path, V1Keys);
        var rawId = toml.RequireString(table, "id", path);
        var id = rawId;
        if (Identifiers.KebabIdError(id) is not null)
        {
            id = rawId.Replace('_', '-').ToLowerInvariant();
            if (Identifiers.KebabIdError(id) is { } reason)
            {
                throw toml.Error(TomlAccess.Join(path, "id"), $"invalid component id \"{id}\": {reason}", table["id"]);
            }
        }

        var trigger = toml.AsTable(toml.Require(table, "trigger", path), TomlAccess.Join(path, "trigger"));
        var hosts = ReadAllowedHosts(toml, table, path, v1: true);
        return (ReadCommon(toml, table, id, path, variablesKey: "config", hosts), trigger);
    }

    private static ManifestComponent ReadCommon(TomlAccess toml, TomlTable table, string id, string path, string variablesKey, List<(string, TomlValue)> hosts)
    {
        var source = ReadSource(toml, toml.Require(table, "source", path), TomlAccess.Join(path, "source"));
        var variables = toml.OptionalStringMap(table, variablesKey, path);
        foreach (var (name, _, at) in variables)
        {
            if (Identifiers.LowerSnakeIdError(name) is { } reason)
            {
                throw toml.ErrorAtKey((TomlTable)table[variablesKey], name, TomlAccess.Join(TomlAccess.Join(path, variablesKey), name), $"invalid variable name \"{name}\": {reason}");
            }

            _ = at;
        }

        var kv = toml.OptionalStringArray(table, "key_value_stores", path);
        for (var i = 0; i < kv.Count; i++)
        {
            if (Identifiers.KebabOrSnakeIdError(kv[i].Value) is { } reason)
            {
                throw toml.Error($"{TomlAccess.Join(path, "key_value_stores")}[{i}]", $"invalid key-value store label: {reason}", kv[i].At);
            }
        }

        var build = table.TryGetValue("build", out var buildValue) ? ReadBuild(toml, buildValue, TomlAccess.Join(path, "build")) : null;

        return new ManifestComponent(
            id,
            source,
            toml.OptionalString(table, "description", path),
            variables,
            toml.OptionalStringMap(table, "environment", path),
            ReadFiles(toml, table, path),
            toml.OptionalStringArray(table, "exclude_files", path),
            hosts,
            [.. kv.Select(k => k.Value)],
            [.. toml.OptionalStringArray(table, "sqlite_databases", path).Select(s => s.Value)],
            [.. toml.OptionalStringArray(table, "ai_models", path).Select(s => s.Value)],
            build,
            path,
            table);
    }

    /// <summary>
    /// <c>allowed_outbound_hosts</c> plus converted <c>allowed_http_hosts</c> (spec §1.6, §1.11). A v1
    /// component without an <c>allowed_outbound_hosts</c> key also gets the redis/mysql/postgres wildcards.
    /// </summary>
    private static List<(string, TomlValue)> ReadAllowedHosts(TomlAccess toml, TomlTable table, string path, bool v1)
    {
        var outbound = toml.OptionalStringArray(table, "allowed_outbound_hosts", path).ToList();
        var http = toml.OptionalStringArray(table, "allowed_http_hosts", path);
        var databaseDefaults = v1 && !table.ContainsKey("allowed_outbound_hosts");
        if (http.Count == 0 && !databaseDefaults)
        {
            return outbound;
        }

        var at = table.TryGetValue("allowed_http_hosts", out var httpAt) ? httpAt : table;
        IReadOnlyList<string> converted;
        try
        {
            converted = AllowedHttpHosts.ConvertToOutboundHosts([.. http.Select(h => h.Value)], databaseDefaults);
        }
        catch (FormatException ex)
        {
            throw toml.Error(TomlAccess.Join(path, "allowed_http_hosts"), ex.Message, at);
        }

        outbound.AddRange(converted.Select(c => (c, at)));
        return outbound;
    }

    /// <summary>Keys Spin accepts but that do not affect running; they are still type-checked.</summary>
    private static void ValidateIgnoredKeys(TomlAccess toml, TomlTable table, string path)
    {
        _ = toml.OptionalBool(table, "dependencies_inherit_configuration", path);
        _ = toml.OptionalTable(table, "tool", path);
        _ = toml.OptionalTable(table, "profile", path);
        _ = toml.OptionalTable(table, "dependencies", path);
        if (table.TryGetValue("targets", out var targets) && targets is not TomlArray)
        {
            throw toml.TypeError(TomlAccess.Join(path, "targets"), "an array", targets);
        }
    }

    public static ComponentSource ReadSource(TomlAccess toml, TomlValue value, string path)
    {
        switch (value)
        {
            case TomlString s:
                if (s.Value.Length == 0)
                {
                    throw toml.Error(path, "the component source path must not be empty", value);
                }

                return new ComponentSource.Local(s.Value, value);
            case TomlTable t when t.ContainsKey("url"):
                {
                    toml.DenyUnknownKeys(t, path, "url", "digest");
                    var url = toml.RequireString(t, "url", path);
                    var digest = toml.RequireString(t, "digest", path);
                    if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length == 7 || !digest[7..].All(char.IsAsciiHexDigit))
                    {
                        throw toml.Error(TomlAccess.Join(path, "digest"), $"invalid `digest` \"{digest}\"; must be `sha256:` followed by hex digits", t["digest"]);
                    }

                    return new ComponentSource.Remote(url, digest, value);
                }

            case TomlTable t when t.ContainsKey("package"):
                toml.DenyUnknownKeys(t, path, "registry", "package", "version");
                return new ComponentSource.Registry(toml.OptionalString(t, "registry", path), toml.RequireString(t, "package", path), toml.RequireString(t, "version", path), value);
            case TomlTable:
                throw toml.Error(path, "expected a path string, `{ url, digest }`, or `{ registry, package, version }`", value);
            default:
                throw toml.TypeError(path, "a path string or a table", value);
        }
    }

    private static List<FilesEntry> ReadFiles(TomlAccess toml, TomlTable table, string path)
    {
        var result = new List<FilesEntry>();
        if (!table.TryGetValue("files", out var value))
        {
            return result;
        }

        var full = TomlAccess.Join(path, "files");
        if (value is not TomlArray array)
        {
            throw toml.TypeError(full, "an array", value);
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{full}[{i}]";
            switch (array[i])
            {
                case TomlString s:
                    result.Add(new FilesEntry(s.Value, null, null, itemPath, s));
                    break;
                case TomlTable t:
                    toml.DenyUnknownKeys(t, itemPath, "source", "destination");
                    var source = toml.RequireString(t, "source", itemPath);
                    var destination = toml.RequireString(t, "destination", itemPath);
                    if (!destination.StartsWith('/'))
                    {
                        throw toml.Error(TomlAccess.Join(itemPath, "destination"), $"the destination \"{destination}\" must be an absolute guest path (starting with '/')", t["destination"]);
                    }

                    result.Add(new FilesEntry(null, source, destination, itemPath, t));
                    break;
                default:
                    throw toml.TypeError(itemPath, "a path or glob string, or a `{ source, destination }` table", array[i]);
            }
        }

        return result;
    }

    private static BuildConfig ReadBuild(TomlAccess toml, TomlValue value, string path)
    {
        var table = toml.AsTable(value, path);
        toml.DenyUnknownKeys(table, path, "command", "workdir", "watch");
        var command = toml.Require(table, "command", path);
        List<string> commands = command switch
        {
            TomlString s => [s.Value],
            TomlArray a => [.. a.Select((c, i) => toml.AsString(c, $"{TomlAccess.Join(path, "command")}[{i}]"))],
            _ => throw toml.TypeError(TomlAccess.Join(path, "command"), "a string or an array of strings", command),
        };
        return new BuildConfig(
            commands,
            toml.OptionalString(table, "workdir", path),
            [.. toml.OptionalStringArray(table, "watch", path).Select(w => w.Value)]);
    }
}
