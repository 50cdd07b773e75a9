namespace NomadWasm.Spin.Variables;

/// <summary>A variable could not be resolved; <see cref="Kind"/> maps onto the guest-visible error.</summary>
public sealed class VariableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VariableException(VariableErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Which guest-visible error this is.</summary>
    public VariableErrorKind Kind { get; }
}
