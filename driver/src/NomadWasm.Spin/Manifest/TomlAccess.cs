using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Manifest;

/// <summary>
/// Typed access to a parsed TOML file with errors that name the file, the dotted key and the position
/// (spec §1.1: every v2 table is <c>deny_unknown_fields</c>).
/// </summary>
internal sealed class TomlAccess(string file)
{
    public string File { get; } = file;

    public ManifestException Error(string key, string reason, TomlValue? at) =>
        new(File, key, reason, at?.Line ?? 0, at?.Column ?? 0);

    /// <summary>An error positioned at <paramref name="key"/> inside <paramref name="table"/> (at the key, not its value).</summary>
    public ManifestException ErrorAtKey(TomlTable table, string name, string path, string reason)
    {
        var (line, column) = table.KeyPosition(name);
        return new ManifestException(File, path, reason, line, column);
    }

    public static string Join(string path, string key)
    {
        var part = TomlReader.FormatKeyPart(key);
        return path.Length == 0 ? part : path + "." + part;
    }

    public void DenyUnknownKeys(TomlTable table, string path, params string[] allowed)
    {
        foreach (var key in table.Keys)
        {
            if (Array.IndexOf(allowed, key) < 0)
            {
                throw ErrorAtKey(table, key, Join(path, key), $"unknown field `{key}`, expected one of {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
            }
        }
    }

    public ManifestException TypeError(string path, string expected, TomlValue actual) =>
        Error(path, $"expected {expected}, found {TomlReader.WithArticle(actual.TypeName)}", actual);

    public TomlValue Require(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            throw Error(path.Length == 0 ? key : path, $"missing required field `{key}`", table);
        }

        return value;
    }

    public string RequireString(TomlTable table, string key, string path)
    {
        var value = Require(table, key, path);
        return value is TomlString s ? s.Value : throw TypeError(Join(path, key), "a string", value);
    }

    public string? OptionalString(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is TomlString s ? s.Value : throw TypeError(Join(path, key), "a string", value);
    }

    public bool? OptionalBool(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is TomlBoolean b ? b.Value : throw TypeError(Join(path, key), "a boolean", value);
    }

    public long? OptionalInteger(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is TomlInteger i ? i.Value : throw TypeError(Join(path, key), "an integer", value);
    }

    public TomlTable? OptionalTable(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value is TomlTable t ? t : throw TypeError(Join(path, key), "a table", value);
    }

    public TomlTable AsTable(TomlValue value, string path) =>
        value as TomlTable ?? throw TypeError(path, "a table", value);

    public string AsString(TomlValue value, string path) =>
        value is TomlString s ? s.Value : throw TypeError(path, "a string", value);

    /// <summary>An optional array of strings; each element keeps its TOML value for positions.</summary>
    public IReadOnlyList<(string Value, TomlValue At)> OptionalStringArray(TomlTable table, string key, string path)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return [];
        }

        var full = Join(path, key);
        if (value is not TomlArray array)
        {
            throw TypeError(full, "an array of strings", value);
        }

        var result = new List<(string, TomlValue)>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add((AsString(array[i], $"{full}[{i}]"), array[i]));
        }

        return result;
    }

    /// <summary>An optional table of string values (in document order).</summary>
    public IReadOnlyList<(string Key, string Value, TomlValue At)> OptionalStringMap(TomlTable table, string key, string path)
    {
        var map = OptionalTable(table, key, path);
        if (map is null)
        {
            return [];
        }

        var full = Join(path, key);
        var result = new List<(string, string, TomlValue)>(map.Count);
        foreach (var (name, value) in map)
        {
            result.Add((name, AsString(value, Join(full, name)), value));
        }

        return result;
    }
}
