using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>
/// Reads a v1 manifest (crates/manifest/src/schema/v1.rs) and converts it to the v2 shape
/// (crates/manifest/src/compat.rs; spec §1.11): one trigger per component with id
/// <c>trigger-&lt;component-id&gt;</c>, <c>config</c> → component <c>variables</c>, the top-level
/// <c>trigger</c> table's extra keys → application trigger settings.
/// </summary>
internal static class ManifestV1Reader
{
    public static AppManifest Read(TomlAccess toml, TomlTable root)
    {
        toml.DenyUnknownKeys(root, "", "spin_manifest_version", "spin_version", "name", "version", "description", "authors", "trigger", "variables", "component");
        var name = toml.RequireString(root, "name", "");
        var version = toml.OptionalString(root, "version", "");
        var description = toml.OptionalString(root, "description", "");
        var authors = toml.OptionalStringArray(root, "authors", "").Select(a => a.Value).ToList();

        var triggerTable = toml.AsTable(toml.Require(root, "trigger", ""), "trigger");
        var triggerType = toml.RequireString(triggerTable, "type", "trigger");
        var global = new TomlTable(TomlTableOrigin.Inline) { Line = triggerTable.Line, Column = triggerTable.Column };
        foreach (var (key, value) in triggerTable)
        {
            if (key != "type")
            {
                var (line, column) = triggerTable.KeyPosition(key);
                global.Add(key, value, line, column);
            }
        }

        var application = new AppDetails(name, ManifestV2Reader.NullIfEmpty(version), ManifestV2Reader.NullIfEmpty(description), authors,
            new Dictionary<string, TomlTable>(StringComparer.Ordinal) { [triggerType] = global }, "trigger");
        var variables = ManifestV2Reader.ReadVariables(toml, toml.OptionalTable(root, "variables", ""));

        var components = new List<ManifestComponent>();
        var triggers = new List<ManifestTrigger>();
        if (root.TryGetValue("component", out var componentValue))
        {
            if (componentValue is not TomlArray array || array.Any(c => c is not TomlTable))
            {
                throw toml.Error("component", $"expected an array of tables (`[[component]]`), found {TomlReader.WithArticle(componentValue.TypeName)}", componentValue);
            }

            for (var i = 0; i < array.Count; i++)
            {
                var path = $"component[{i}]";
                var (component, trigger) = ComponentReader.ReadV1(toml, (TomlTable)array[i], path);
                if (components.Any(c => c.Id == component.Id))
                {
                    throw toml.Error(TomlAccess.Join(path, "id"), $"duplicate component id \"{component.Id}\"", ((TomlTable)array[i])["id"]);
                }

                components.Add(component);
                triggers.Add(new ManifestTrigger(triggerType, "trigger-" + component.Id, component.Id, null, trigger, TomlAccess.Join(path, "trigger"), trigger));
            }
        }

        return new AppManifest(toml.File, 1, application, variables, triggers, components);
    }
}
