namespace NomadWasm.Spin.Manifest;

/// <summary>
/// A manifest (or runtime-config) file that cannot be loaded. The message always names the file,
/// the offending key (dotted path such as <c>component.hello.source</c>) and the reason, plus the
/// line and column when the problem was found while reading TOML.
/// </summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ManifestException(string file, string? key, string reason, int line = 0, int column = 0, Exception? inner = null)
        : base(Format(file, key, reason, line, column), inner)
    {
        File = file;
        Key = key;
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>The file at fault (as given by the caller, usually absolute).</summary>
    public string File { get; }

    /// <summary>The dotted key at fault, or null when the problem is the file as a whole.</summary>
    public string? Key { get; }

    /// <summary>Why the item is invalid.</summary>
    public string Reason { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    private static string Format(string file, string? key, string reason, int line, int column)
    {
        var where = line > 0 ? $"{file}:{line}:{column}" : file;
        return key is null ? $"{where}: {reason}" : $"{where}: `{key}`: {reason}";
    }
}
