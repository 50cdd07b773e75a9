using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Integer division and remainder (Wasm 2.0 §4.3.2): trap on a zero divisor, div_s traps on
/// INT_MIN / -1 ("integer overflow"), rem_s of INT_MIN by -1 is 0 (.NET would throw).
/// </summary>
internal static class IntegerOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivS(int a, int b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        if (b == -1 && a == int.MinValue)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerOverflow);
        }

        return a / b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivU(int a, int b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return (int)((uint)a / (uint)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemS(int a, int b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemU(int a, int b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return (int)((uint)a % (uint)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivS(long a, long b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        if (b == -1 && a == long.MinValue)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerOverflow);
        }

        return a / b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivU(long a, long b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return (long)((ulong)a / (ulong)b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemS(long a, long b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return b == -1 ? 0 : a % b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemU(long a, long b, VmContext context, int function)
    {
        if (b == 0)
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerDivideByZero);
        }

        return (long)((ulong)a % (ulong)b);
    }
}
