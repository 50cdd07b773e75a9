using System.Globalization;

namespace NomadWasm.Plugin.MsgPack;

/// <summary>
/// A decoded cty-msgpack value (spec §12): null, unknown, bool, number, string, array (list/set/tuple) or map
/// (map/object). Every value knows its <see cref="Path"/>, so the typed accessors throw a
/// <see cref="CtyDecodeException"/> that names the offending attribute.
/// </summary>
public sealed class CtyValue
{
    private static readonly Dictionary<string, CtyValue> NoAttributes = new(StringComparer.Ordinal);

    private readonly bool _bool;
    private readonly CtyNumber _number;
    private readonly string? _string;
    private readonly IReadOnlyList<CtyValue>? _elements;
    private readonly Dictionary<string, CtyValue>? _attributes;

    private CtyValue(CtyValueKind kind, string path, bool boolean = false, CtyNumber number = default, string? text = null,
        IReadOnlyList<CtyValue>? elements = null, Dictionary<string, CtyValue>? attributes = null)
    {
        Kind = kind;
        Path = path;
        _bool = boolean;
        _number = number;
        _string = text;
        _elements = elements;
        _attributes = attributes;
    }

    /// <summary>The shape of the value.</summary>
    public CtyValueKind Kind { get; }

    /// <summary>Where the value sits, e.g. <c>config.ports[0]</c> or <c>config.env["A"]</c>.</summary>
    public string Path { get; }

    /// <summary>True for a null (absent attribute or block).</summary>
    public bool IsNull => Kind == CtyValueKind.Null;

    /// <summary>The elements of an array, in wire order.</summary>
    public IReadOnlyList<CtyValue> Elements => Kind == CtyValueKind.Array ? _elements! : throw Mismatch("a list, set or tuple");

    /// <summary>The entries of a map or object, keyed by name.</summary>
    public IReadOnlyDictionary<string, CtyValue> Attributes => Kind == CtyValueKind.Map ? _attributes! : throw Mismatch("a map or object");

    /// <summary>A null value.</summary>
    public static CtyValue Null => new(CtyValueKind.Null, "config");

    /// <summary>An unknown value.</summary>
    public static CtyValue Unknown => new(CtyValueKind.Unknown, "config");

    /// <summary>Creates a bool.</summary>
    public static CtyValue Bool(bool value) => new(CtyValueKind.Bool, "config", boolean: value);

    /// <summary>Creates a number.</summary>
    public static CtyValue Number(CtyNumber value) => new(CtyValueKind.Number, "config", number: value);

    /// <summary>Creates an integer number.</summary>
    public static CtyValue Number(long value) => Number(CtyNumber.FromInt64(value));

    /// <summary>Creates a floating-point number.</summary>
    public static CtyValue Number(double value) => Number(CtyNumber.FromDouble(value));

    /// <summary>Creates a string.</summary>
    public static CtyValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(CtyValueKind.String, "config", text: value);
    }

    /// <summary>Creates a list, set or tuple.</summary>
    public static CtyValue Array(params IEnumerable<CtyValue> elements) => Array("config", elements);

    /// <summary>Creates a map or object; the encoder writes the keys sorted, as cty does.</summary>
    public static CtyValue Map(params IEnumerable<KeyValuePair<string, CtyValue>> entries) => Map("config", entries);

    /// <summary>Creates an object from name/value pairs.</summary>
    public static CtyValue Object(params (string Name, CtyValue Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return Map(attributes.Select(a => KeyValuePair.Create(a.Name, a.Value)));
    }

    /// <summary>The attribute <paramref name="name"/> of an object; throws naming the path when it is absent.</summary>
    public CtyValue this[string name] =>
        Attributes.TryGetValue(name, out var value) ? value : throw new CtyDecodeException(ChildPath(name), "attribute is missing");

    /// <summary>The attribute <paramref name="name"/>, or a null value when absent (maps from older schemas).</summary>
    public CtyValue GetOrNull(string name) =>
        Attributes.TryGetValue(name, out var value) ? value : new CtyValue(CtyValueKind.Null, ChildPath(name));

    /// <summary>The bool.</summary>
    public bool AsBool() => Kind == CtyValueKind.Bool ? _bool : throw Mismatch("a bool");

    /// <summary>The string.</summary>
    public string AsString() => Kind == CtyValueKind.String ? _string! : throw Mismatch("a string");

    /// <summary>The number: a msgpack int/float, or a string holding decimal text (spec §12.3).</summary>
    public CtyNumber AsNumber() => Kind switch
    {
        CtyValueKind.Number => _number,
        CtyValueKind.String when CtyNumber.TryParse(_string!, out var parsed) => parsed,
        _ => throw Mismatch("a number"),
    };

    /// <summary>The number as an integer; throws when it has a fraction or does not fit.</summary>
    public long AsInt64() =>
        AsNumber().TryGetInt64(out var value) ? value : throw new CtyDecodeException(Path, $"expected an integer, got {Describe()}");

    /// <summary>The number as a double.</summary>
    public double AsDouble() => AsNumber().ToDouble();

    /// <summary>The string, or <paramref name="fallback"/> when null.</summary>
    public string? AsStringOrDefault(string? fallback = null) => IsNull ? fallback : AsString();

    /// <summary>The bool, or <paramref name="fallback"/> when null.</summary>
    public bool AsBoolOrDefault(bool fallback) => IsNull ? fallback : AsBool();

    /// <summary>The integer, or <paramref name="fallback"/> when null.</summary>
    public long AsInt64OrDefault(long fallback) => IsNull ? fallback : AsInt64();

    /// <summary>The elements, or an empty list when null (a missing block_list arrives as an empty array anyway).</summary>
    public IReadOnlyList<CtyValue> AsListOrEmpty() => IsNull ? [] : Elements;

    /// <summary>A list of strings (null gives an empty list).</summary>
    public IReadOnlyList<string> AsStringList()
    {
        var elements = AsListOrEmpty();
        var result = new string[elements.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = elements[i].AsString();
        }

        return result;
    }

    /// <summary>A map of strings (null gives an empty map).</summary>
    public IReadOnlyDictionary<string, string> AsStringMap()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsNull)
        {
            foreach (var (key, value) in Attributes)
            {
                result[key] = value.AsString();
            }
        }

        return result;
    }

    /// <summary>A short description for error messages: the kind and, for scalars, the value.</summary>
    public string Describe() => Kind switch
    {
        CtyValueKind.Null => "null",
        CtyValueKind.Unknown => "an unknown value",
        CtyValueKind.Bool => _bool ? "bool true" : "bool false",
        CtyValueKind.Number => "number " + _number.ToString(),
        CtyValueKind.String => "string \"" + (_string!.Length > 40 ? _string[..40] + "…" : _string) + "\"",
        CtyValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"an array of {_elements!.Count}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a map of {_attributes!.Count}"),
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Path} = {Describe()}";

    internal static CtyValue Create(CtyValueKind kind, string path, bool boolean = false, CtyNumber number = default, string? text = null) =>
        new(kind, path, boolean, number, text);

    internal static CtyValue Array(string path, IEnumerable<CtyValue> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var list = new List<CtyValue>();
        foreach (var element in elements)
        {
            list.Add(element.WithPath(string.Create(CultureInfo.InvariantCulture, $"{path}[{list.Count}]")));
        }

        return new(CtyValueKind.Array, path, elements: list);
    }

    internal static CtyValue Map(string path, IEnumerable<KeyValuePair<string, CtyValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var attributes = new Dictionary<string, CtyValue>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key);
            var childPath = ChildPath(path, key);
            if (!attributes.TryAdd(key, value.WithPath(childPath)))
            {
                throw new CtyDecodeException(childPath, "duplicate key");
            }
        }

        return new(CtyValueKind.Map, path, attributes: attributes.Count == 0 ? NoAttributes : attributes);
    }

    /// <summary>Decoded values are built bottom-up with their final paths; values built by callers get re-rooted.</summary>
    internal CtyValue WithPath(string path) => Path == path
        ? this
        : Kind switch
        {
            CtyValueKind.Array => Array(path, _elements!),
            CtyValueKind.Map => Map(path, _attributes!),
            _ => new CtyValue(Kind, path, _bool, _number, _string),
        };

    internal static string ChildPath(string parent, string key) =>
        IsIdentifier(key) ? parent + "." + key : parent + "[\"" + key + "\"]";

    private string ChildPath(string key) => ChildPath(Path, key);

    private static bool IsIdentifier(string key)
    {
        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private CtyDecodeException Mismatch(string expected) => new(Path, $"expected {expected}, got {Describe()}");
}
