using System.Diagnostics.CodeAnalysis;

namespace NomadWasm.Spin.Toml;

/// <summary>How a table came to exist; drives the TOML 1.0 redefinition rules.</summary>
internal enum TomlTableOrigin
{
    /// <summary>The document root.</summary>
    Root,

    /// <summary>Created as a parent of a <c>[a.b.c]</c> header; may still be defined once by its own header.</summary>
    Implicit,

    /// <summary>Defined by a <c>[header]</c> or as an element of <c>[[header]]</c>.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>).</summary>
    DottedKey,

    /// <summary>Written as an inline table <c>{ ... }</c>, or created inside one; immutable afterwards.</summary>
    Inline,
}

/// <summary>A TOML table: keys in document order, each with the position of its key.</summary>
internal sealed class TomlTable : TomlValue, IEnumerable<KeyValuePair<string, TomlValue>>
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public TomlTable(TomlTableOrigin origin) => Origin = origin;

    public TomlTableOrigin Origin { get; internal set; }

    /// <summary>
    /// True once the table may no longer be opened by a header or extended by dotted keys from
    /// another section: after its own <c>[header]</c>, or after the section whose dotted keys created it.
    /// </summary>
    internal bool IsClosed { get; set; }

    public override string TypeName => Origin == TomlTableOrigin.Inline ? "inline table" : "table";

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public TomlValue this[string key] => _entries[_index[key]].Value;

    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The position of <paramref name="key"/> itself (not its value); (0, 0) when absent.</summary>
    public (int Line, int Column) KeyPosition(string key) =>
        _index.TryGetValue(key, out var i) ? (_entries[i].Line, _entries[i].Column) : (0, 0);

    internal void Add(string key, TomlValue value, int line, int column)
    {
        _index.Add(key, _entries.Count);
        _entries.Add(new Entry(key, value, line, column));
    }

    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, TomlValue>(e.Key, e.Value)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private readonly record struct Entry(string Key, TomlValue Value, int Line, int Column);
}
