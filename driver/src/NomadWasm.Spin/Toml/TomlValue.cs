namespace NomadWasm.Spin.Toml;

/// <summary>A TOML value with the position where it starts in the document.</summary>
internal abstract class TomlValue
{
    /// <summary>1-based line where the value starts (for a table: where its header or first key is).</summary>
    public int Line { get; init; }

    /// <summary>1-based column where the value starts.</summary>
    public int Column { get; init; }

    /// <summary>The TOML type name used in error messages ("string", "integer", "table", ...).</summary>
    public abstract string TypeName { get; }
}

/// <summary>A TOML string (any of the four kinds).</summary>
internal sealed class TomlString(string value) : TomlValue
{
    public string Value { get; } = value;

    public override string TypeName => "string";
}

/// <summary>A TOML integer (signed 64-bit).</summary>
internal sealed class TomlInteger(long value) : TomlValue
{
    public long Value { get; } = value;

    public override string TypeName => "integer";
}

/// <summary>A TOML float (IEEE 754 binary64).</summary>
internal sealed class TomlFloat(double value) : TomlValue
{
    public double Value { get; } = value;

    public override string TypeName => "float";
}

/// <summary>A TOML boolean.</summary>
internal sealed class TomlBoolean(bool value) : TomlValue
{
    public bool Value { get; } = value;

    public override string TypeName => "boolean";
}
