using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>Reads a v2 manifest (crates/manifest/src/schema/v2.rs; spec §1.2–§1.6).</summary>
internal static class ManifestV2Reader
{
    public static AppManifest Read(TomlAccess toml, TomlTable root)
    {
        toml.DenyUnknownKeys(root, "", "spin_manifest_version", "application", "variables", "trigger", "component");
        var application = ReadApplication(toml, toml.AsTable(toml.Require(root, "application", ""), "application"));
        var variables = ReadVariables(toml, toml.OptionalTable(root, "variables", ""));

        var components = new List<ManifestComponent>();
        var componentTable = toml.OptionalTable(root, "component", "");
        if (componentTable is not null)
        {
            foreach (var (id, value) in componentTable)
            {
                var path = TomlAccess.Join("component", id);
                if (Identifiers.KebabIdError(id) is { } reason)
                {
                    throw toml.ErrorAtKey(componentTable, id, path, $"invalid component id \"{id}\": {reason}");
                }

                components.Add(ComponentReader.ReadV2(toml, toml.AsTable(value, path), id, path));
            }
        }

        var triggers = new List<ManifestTrigger>();
        var triggerTable = toml.AsTable(toml.Require(root, "trigger", ""), "trigger");
        foreach (var (type, value) in triggerTable)
        {
            var typePath = TomlAccess.Join("trigger", type);
            if (value is not TomlArray array || array.Any(e => e is not TomlTable))
            {
                throw toml.Error(typePath, $"expected an array of tables (`[[trigger.{type}]]`), found {TomlReader.WithArticle(value.TypeName)}", value);
            }

            for (var i = 0; i < array.Count; i++)
            {
                triggers.Add(ReadTrigger(toml, type, (TomlTable)array[i], $"{typePath}[{i}]"));
            }
        }

        return new AppManifest(toml.File, 2, application, variables, triggers, components);
    }

    private static AppDetails ReadApplication(TomlAccess toml, TomlTable table)
    {
        const string path = "application";
        toml.DenyUnknownKeys(table, path, "name", "version", "description", "authors", "targets", "trigger", "tool");
        var name = toml.RequireString(table, "name", path);
        var version = toml.OptionalString(table, "version", path);
        var description = toml.OptionalString(table, "description", path);
        var authors = toml.OptionalStringArray(table, "authors", path).Select(a => a.Value).ToList();
        _ = toml.OptionalTable(table, "tool", path);
        if (table.TryGetValue("targets", out var targets) && targets is not TomlArray)
        {
            throw toml.TypeError("application.targets", "an array", targets);
        }

        var globals = new Dictionary<string, TomlTable>(StringComparer.Ordinal);
        var triggerTable = toml.OptionalTable(table, "trigger", path);
        if (triggerTable is not null)
        {
            foreach (var (type, value) in triggerTable)
            {
                globals[type] = toml.AsTable(value, TomlAccess.Join("application.trigger", type));
            }
        }

        return new AppDetails(name, NullIfEmpty(version), NullIfEmpty(description), authors, globals, "application.trigger");
    }

    internal static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary><c>[variables]</c> (shared with v1).</summary>
    internal static List<ManifestVariable> ReadVariables(TomlAccess toml, TomlTable? table)
    {
        var result = new List<ManifestVariable>();
        if (table is null)
        {
            return result;
        }

        foreach (var (name, value) in table)
        {
            var path = TomlAccess.Join("variables", name);
            if (Identifiers.LowerSnakeIdError(name) is { } reason)
            {
                throw toml.ErrorAtKey(table, name, path, $"invalid variable name \"{name}\": {reason}");
            }

            var variable = toml.AsTable(value, path);
            toml.DenyUnknownKeys(variable, path, "description", "required", "default", "secret");
            var required = toml.OptionalBool(variable, "required", path) ?? false;
            var @default = toml.OptionalString(variable, "default", path);
            if (required == (@default is not null))
            {
                throw toml.Error(path, required
                    ? "must be `required` OR have a `default`, not both"
                    : "must be `required` OR have a `default`", variable);
            }

            result.Add(new ManifestVariable(name, toml.OptionalString(variable, "description", path), required, @default,
                toml.OptionalBool(variable, "secret", path) ?? false, path, variable));
        }

        return result;
    }

    private static ManifestTrigger ReadTrigger(TomlAccess toml, string type, TomlTable table, string path)
    {
        var id = toml.OptionalString(table, "id", path);
        string? componentRef = null;
        ManifestComponent? inline = null;
        TomlValue? componentAt = null;
        if (table.TryGetValue("component", out var component))
        {
            componentAt = component;
            var componentPath = TomlAccess.Join(path, "component");
            switch (component)
            {
                case TomlString s:
                    if (Identifiers.KebabIdError(s.Value) is { } reason)
                    {
                        throw toml.Error(componentPath, $"invalid component reference \"{s.Value}\": {reason}", component);
                    }

                    componentRef = s.Value;
                    break;
                case TomlTable t:
                    inline = ComponentReader.ReadV2(toml, t, "", componentPath);
                    break;
                default:
                    throw toml.TypeError(componentPath, "a component id string or an inline component table", component);
            }
        }

        if (table.TryGetValue("components", out var components) && components is TomlTable { Count: > 0 })
        {
            throw toml.ErrorAtKey(table, "components", TomlAccess.Join(path, "components"), $"the `{type}` trigger does not use `components`");
        }

        if (table.TryGetValue("dependencies", out var dependencies))
        {
            throw toml.ErrorAtKey(table, "dependencies", TomlAccess.Join(path, "dependencies"), "trigger dependencies (middleware) are not supported");
        }

        _ = dependencies;
        var config = new TomlTable(TomlTableOrigin.Inline) { Line = table.Line, Column = table.Column };
        foreach (var (key, value) in table)
        {
            if (key is not ("id" or "component" or "components"))
            {
                var (line, column) = table.KeyPosition(key);
                config.Add(key, value, line, column);
            }
        }

        return new ManifestTrigger(type, id, componentRef, inline, config, path, table) { ComponentAt = componentAt };
    }
}
