using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NomadWasm.Wasm.Runtime.Traps;

/// <summary>
/// Throw helpers called from compiled code and runtime helpers. Never inlined, so the hot paths
/// that call them stay small; they take the trapping function's context and index only to name it.
/// </summary>
internal static class TrapHelpers
{
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    [StackTraceHidden]
    internal static void Throw(VmContext context, int functionIndex, TrapKind kind) =>
        throw new TrapException(kind, context.FunctionName(functionIndex));

    /// <summary>Raises "interrupted" and clears the store's request so the store stays usable.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    [StackTraceHidden]
    internal static void Interrupted(VmContext context, int functionIndex)
    {
        context.Store.InterruptRequested = 0;
        throw new TrapException(TrapKind.Interrupted, context.FunctionName(functionIndex));
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    [StackTraceHidden]
    internal static void StackExhausted(VmContext context, int functionIndex) =>
        throw new TrapException(TrapKind.CallStackExhausted, context.FunctionName(functionIndex));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    [StackTraceHidden]
    internal static void Unreachable(VmContext context, int functionIndex) =>
        throw new TrapException(TrapKind.Unreachable, context.FunctionName(functionIndex));
}
