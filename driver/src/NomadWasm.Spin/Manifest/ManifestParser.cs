using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>
/// Reads <c>spin.toml</c> text into the v2-shaped <see cref="AppManifest"/> (spec §1.1): detects the
/// version, reads v1 or v2, converts v1, then normalizes trigger ids and inline components.
/// </summary>
internal static class ManifestParser
{
    public static AppManifest Parse(string text, string file)
    {
        TomlTable root;
        try
        {
            root = TomlReader.Parse(text);
        }
        catch (TomlException ex)
        {
            throw new ManifestException(file, null, "invalid TOML: " + ex.Reason, ex.Line, ex.Column, ex);
        }

        return Parse(root, file);
    }

    public static AppManifest Parse(TomlTable root, string file)
    {
        var toml = new TomlAccess(file);
        var manifest = DetectVersion(toml, root) switch
        {
            1 => ManifestV1Reader.Read(toml, root),
            _ => ManifestV2Reader.Read(toml, root),
        };
        return ManifestNormalizer.Normalize(toml, manifest);
    }

    /// <summary>
    /// <c>spin_manifest_version</c> (alias <c>spin_version</c>): the string <c>"1"</c> is v1, the integer
    /// <c>2</c> is v2, anything else is an error (crates/manifest/src/lib.rs).
    /// </summary>
    private static int DetectVersion(TomlAccess toml, TomlTable root)
    {
        var key = root.ContainsKey("spin_manifest_version") ? "spin_manifest_version" : root.ContainsKey("spin_version") ? "spin_version" : null;
        if (key is null)
        {
            throw toml.Error("spin_manifest_version", "missing `spin_manifest_version`; expected `spin_manifest_version = 2` (or \"1\" for a v1 manifest)", null);
        }

        if (root.ContainsKey("spin_manifest_version") && root.ContainsKey("spin_version"))
        {
            throw toml.ErrorAtKey(root, "spin_version", "spin_version", "duplicate field: `spin_version` is an alias of `spin_manifest_version`");
        }

        var value = root[key];
        return value switch
        {
            TomlString { Value: "1" } => 1,
            TomlInteger { Value: 2 } => 2,
            TomlString { Value: "2" } => throw toml.Error(key, "invalid manifest version \"2\": version 2 is written as the integer `2`, not a string", value),
            TomlInteger { Value: 1 } => throw toml.Error(key, "invalid manifest version 1: version 1 is written as the string `\"1\"`", value),
            TomlString s => throw toml.Error(key, $"invalid manifest version \"{s.Value}\"; supported versions are \"1\" and 2", value),
            TomlInteger i => throw toml.Error(key, $"invalid manifest version {i.Value}; supported versions are \"1\" and 2", value),
            _ => throw toml.Error(key, $"invalid manifest version: expected the integer 2 or the string \"1\", found {TomlReader.WithArticle(value.TypeName)}", value),
        };
    }
}
