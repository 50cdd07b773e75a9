namespace NomadWasm.Spin.Variables;

/// <summary>The error cases of <c>fermyon:spin/variables@2.0.0</c> <c>get</c> (spec §4.2).</summary>
public enum VariableErrorKind
{
    /// <summary><c>invalid-name</c>: the requested name breaks the runtime name rules (spec §1.8).</summary>
    InvalidName,

    /// <summary><c>undefined</c>: the component declares no such variable.</summary>
    Undefined,

    /// <summary><c>provider</c>: no provider resolved a referenced application variable, or a provider failed.</summary>
    Provider,

    /// <summary><c>other</c>.</summary>
    Other,
}
