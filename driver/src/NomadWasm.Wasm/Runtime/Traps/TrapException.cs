namespace NomadWasm.Wasm.Runtime.Traps;

/// <summary>
/// A guest trapped (Wasm 2.0 §4.4.1). <see cref="Kind"/> says why; <see cref="FunctionName"/> names the
/// wasm function that trapped (name section, else <c>func[i]</c>), or is null when the trap happened
/// outside any function (instantiation, host API such as <see cref="Memory.GetSpan"/>).
/// The message starts with the spec's text, so spec-style runners can match it as a prefix.
/// </summary>
public sealed class TrapException : Exception
{
    public TrapException(TrapKind kind, string? functionName = null)
        : base(functionName is null ? kind.Message() : $"{kind.Message()} (in {functionName})")
    {
        Kind = kind;
        FunctionName = functionName;
    }

    public TrapException()
        : this(TrapKind.Unreachable)
    {
    }

    public TrapException(string message)
        : base(message)
    {
    }

    public TrapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TrapKind Kind { get; }

    public string? FunctionName { get; }
}
