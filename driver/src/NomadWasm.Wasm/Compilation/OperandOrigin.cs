namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// Where an operand came from, when that matters for codegen: RyuJIT folds x-0, x+(-0), x*1, x/1 (and
/// ±variants) and demote(promote(x)) to x, which would let a signalling NaN through unquieted
/// (Wasm 2.0 §4.3.3 requires an arithmetic NaN). Such operations are emitted as non-inlined calls.
/// </summary>
internal enum OperandOrigin : byte
{
    Other,

    /// <summary>The float constant +0 (x - 0 may be folded to x).</summary>
    PositiveZero,

    /// <summary>The float constant -0 (x + -0 and x - -0 may be folded).</summary>
    NegativeZero,

    /// <summary>The float constant ±1 (x * 1 and x / 1 may be folded).</summary>
    One,

    /// <summary>The result of f64.promote_f32, which the JIT may fold away with f32.demote_f64.</summary>
    Promoted,
}
