using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace NomadWasm.Wasm.Runtime.Traps;

/// <summary>
/// Throw helpers called from compiled code and runtime helpers; they take the trapping function's
/// context and index only to name it. Deliberately not marked NoInlining: RyuJIT must see that each
/// body only throws, so it treats the call as no-return and moves it to a cold block. Behind an
/// opaque call it assumes a return and spills every live value around each bounds check (measured in
/// tests/bench/FINDINGS.md: matmul 10.6x native with NoInlining, 2.8x without).
/// </summary>
internal static class TrapHelpers
{
    [DoesNotReturn]
    [StackTraceHidden]
    internal static void Throw(VmContext context, int functionIndex, TrapKind kind) =>
        throw new TrapException(kind, context.FunctionName(functionIndex));

    /// <summary>Raises "interrupted" and clears the store's request so the store stays usable.</summary>
    [DoesNotReturn]
    [StackTraceHidden]
    internal static void Interrupted(VmContext context, int functionIndex)
    {
        context.Store.InterruptRequested = 0;
        throw new TrapException(TrapKind.Interrupted, context.FunctionName(functionIndex));
    }

    [DoesNotReturn]
    [StackTraceHidden]
    internal static void StackExhausted(VmContext context, int functionIndex) =>
        throw new TrapException(TrapKind.CallStackExhausted, context.FunctionName(functionIndex));

    [DoesNotReturn]
    [StackTraceHidden]
    internal static void Unreachable(VmContext context, int functionIndex) =>
        throw new TrapException(TrapKind.Unreachable, context.FunctionName(functionIndex));
}
