namespace NomadWasm.Spin.Toml;

/// <summary>A TOML document that is not valid TOML 1.0. Every message carries line and column.</summary>
public sealed class TomlException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TomlException(string reason, int line, int column)
        : base($"line {line}, column {column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending character.</summary>
    public int Column { get; }
}
