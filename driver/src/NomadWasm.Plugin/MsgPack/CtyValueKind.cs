namespace NomadWasm.Plugin.MsgPack;

/// <summary>The shape of a decoded cty value. msgpack does not say which cty type produced a value, so
/// list, set and tuple all arrive as <see cref="Array"/>, and map and object both as <see cref="Map"/>.</summary>
public enum CtyValueKind
{
    /// <summary>A null of any type: an absent attribute, an unset block (msgpack nil).</summary>
    Null,

    /// <summary>An unknown value (msgpack ext type 0 or 0x0c); never sent by Nomad (spec §12.2).</summary>
    Unknown,

    /// <summary>A bool.</summary>
    Bool,

    /// <summary>A number that arrived as a msgpack int or float. Numbers may also arrive as <see cref="String"/>.</summary>
    Number,

    /// <summary>A string, or a number cty wrote as its decimal text.</summary>
    String,

    /// <summary>A list, set or tuple.</summary>
    Array,

    /// <summary>A map or object, with string keys.</summary>
    Map,
}
