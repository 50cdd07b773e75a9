namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// The bytes are not a well-formed module (Wasm 2.0 §5). <see cref="Reason"/> is the spec test
/// suite's wording (e.g. "unexpected end", "magic header not detected"); the message adds the
/// section and absolute byte offset.
/// </summary>
public sealed class MalformedModuleException : Exception
{
    public MalformedModuleException(string reason, int offset, string? section = null)
        : base(section is null ? $"{reason} (at byte offset {offset})" : $"{reason} (in {section} section, at byte offset {offset})")
    {
        Reason = reason;
        Offset = offset;
        Section = section;
    }

    public MalformedModuleException()
        : this("malformed module", 0)
    {
    }

    public MalformedModuleException(string message)
        : this(message, 0)
    {
    }

    public MalformedModuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The spec's reason text, without location.</summary>
    public string Reason { get; } = "malformed module";

    /// <summary>Absolute byte offset in the module where decoding failed.</summary>
    public int Offset { get; }

    /// <summary>Name of the section being decoded, if any.</summary>
    public string? Section { get; }
}
