namespace NomadWasm.Wasm.Validation;

/// <summary>
/// The module is well-formed but not valid (Wasm 2.0 §3). <see cref="Reason"/> is the spec test
/// suite's wording ("type mismatch", "unknown local", ...); the message adds the function index
/// and absolute byte offset.
/// </summary>
public sealed class InvalidModuleException : Exception
{
    public InvalidModuleException(string reason, int offset, int? functionIndex = null)
        : base(functionIndex is { } f
            ? $"{reason} (in func[{f}], at byte offset {offset})"
            : $"{reason} (at byte offset {offset})")
    {
        Reason = reason;
        Offset = offset;
        FunctionIndex = functionIndex;
    }

    public InvalidModuleException()
        : this("invalid module", 0)
    {
    }

    public InvalidModuleException(string message)
        : this(message, 0)
    {
    }

    public InvalidModuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The spec's reason text, without location.</summary>
    public string Reason { get; } = "invalid module";

    /// <summary>Absolute byte offset in the module of the offending item.</summary>
    public int Offset { get; }

    /// <summary>Index (in the function index space) of the function being validated, if any.</summary>
    public int? FunctionIndex { get; }
}
