namespace NomadWasm.Wasm.Runtime.Traps;

/// <summary>
/// Why a guest trapped (Wasm 2.0 §4.4). <see cref="TrapKindExtensions.Message"/> gives the text the
/// spec test suite expects for each kind.
/// </summary>
public enum TrapKind
{
    Unreachable,
    MemoryOutOfBounds,
    TableOutOfBounds,
    IntegerDivideByZero,
    IntegerOverflow,
    InvalidConversionToInteger,
    UndefinedElement,
    UninitializedElement,
    IndirectCallTypeMismatch,
    CallStackExhausted,
    Interrupted,
    NullReference,
}

/// <summary>Spec texts of <see cref="TrapKind"/>.</summary>
public static class TrapKindExtensions
{
    /// <summary>The spec test suite's message for the trap.</summary>
    public static string Message(this TrapKind kind) => kind switch
    {
        TrapKind.Unreachable => "unreachable",
        TrapKind.MemoryOutOfBounds => "out of bounds memory access",
        TrapKind.TableOutOfBounds => "out of bounds table access",
        TrapKind.IntegerDivideByZero => "integer divide by zero",
        TrapKind.IntegerOverflow => "integer overflow",
        TrapKind.InvalidConversionToInteger => "invalid conversion to integer",
        TrapKind.UndefinedElement => "undefined element",
        TrapKind.UninitializedElement => "uninitialized element",
        TrapKind.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapKind.CallStackExhausted => "call stack exhausted",
        TrapKind.Interrupted => "interrupted",
        TrapKind.NullReference => "null reference",
        _ => kind.ToString(),
    };
}
