namespace NomadWasm.Spin.Toml;

/// <summary>
/// A TOML array: either a static array written as a value (<c>[1, 2]</c>), which can never be
/// extended, or an array of tables built by <c>[[header]]</c> sections.
/// </summary>
internal sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> _items = [];

    public TomlArray(bool isArrayOfTables) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True for an array built by <c>[[header]]</c> sections.</summary>
    public bool IsArrayOfTables { get; }

    public override string TypeName => IsArrayOfTables ? "array of tables" : "array";

    public int Count => _items.Count;

    public TomlValue this[int index] => _items[index];

    internal void Add(TomlValue value) => _items.Add(value);

    public IEnumerator<TomlValue> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
