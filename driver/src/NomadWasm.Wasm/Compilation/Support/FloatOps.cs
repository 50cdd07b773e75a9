using System.Runtime.CompilerServices;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Float operators whose wasm semantics differ from a plain .NET call (Wasm 2.0 §4.3.3):
/// abs/neg/copysign are pure bit operations (NaN payloads survive); min/max propagate NaN and
/// order -0 below +0; rounding operators quiet a NaN input (x + x) rather than pass it unchanged.
/// </summary>
internal static class FloatOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Abs(float x) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) & int.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Neg(float x) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) ^ int.MinValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Copysign(float x, float y) => BitConverter.Int32BitsToSingle(
        (BitConverter.SingleToInt32Bits(x) & int.MaxValue) | (BitConverter.SingleToInt32Bits(y) & int.MinValue));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Abs(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & long.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Neg(double x) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) ^ long.MinValue);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Copysign(double x, double y) => BitConverter.Int64BitsToDouble(
        (BitConverter.DoubleToInt64Bits(x) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(y) & long.MinValue));

    public static float F32Min(float a, float b)
    {
        if (a < b)
        {
            return a;
        }

        if (b < a)
        {
            return b;
        }

        if (a == b)
        {
            // Equal, possibly +0 and -0: the minimum has the sign bit if either has it.
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        }

        return a + b; // at least one NaN: the result is a NaN (quieted).
    }

    public static float F32Max(float a, float b)
    {
        if (a > b)
        {
            return a;
        }

        if (b > a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        }

        return a + b;
    }

    public static double F64Min(double a, double b)
    {
        if (a < b)
        {
            return a;
        }

        if (b < a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        }

        return a + b;
    }

    public static double F64Max(double a, double b)
    {
        if (a > b)
        {
            return a;
        }

        if (b > a)
        {
            return b;
        }

        if (a == b)
        {
            return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        }

        return a + b;
    }

    public static float F32Ceil(float x) => float.IsNaN(x) ? x + x : MathF.Ceiling(x);

    public static float F32Floor(float x) => float.IsNaN(x) ? x + x : MathF.Floor(x);

    public static float F32Trunc(float x) => float.IsNaN(x) ? x + x : MathF.Truncate(x);

    public static float F32Nearest(float x) => float.IsNaN(x) ? x + x : MathF.Round(x, MidpointRounding.ToEven);

    public static float F32Sqrt(float x) => float.IsNaN(x) ? x + x : MathF.Sqrt(x);

    public static double F64Ceil(double x) => double.IsNaN(x) ? x + x : Math.Ceiling(x);

    public static double F64Floor(double x) => double.IsNaN(x) ? x + x : Math.Floor(x);

    public static double F64Trunc(double x) => double.IsNaN(x) ? x + x : Math.Truncate(x);

    public static double F64Nearest(double x) => double.IsNaN(x) ? x + x : Math.Round(x, MidpointRounding.ToEven);

    public static double F64Sqrt(double x) => double.IsNaN(x) ? x + x : Math.Sqrt(x);

    // Non-inlined so RyuJIT cannot fold an identity operand away (see OperandOrigin).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32AddNoFold(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64AddNoFold(double a, double b) => a + b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32SubNoFold(float a, float b) => a - b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32MulNoFold(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32DivNoFold(float a, float b) => a / b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64SubNoFold(double a, double b) => a - b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64MulNoFold(double a, double b) => a * b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64DivNoFold(double a, double b) => a / b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32DemoteNoFold(double x) => (float)x;

    /// <summary>A float constant with a NaN payload, built at run time so the JIT cannot re-encode it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32FromBits(int bits) => BitConverter.Int32BitsToSingle(bits);

    /// <summary>A double constant with a NaN payload, built at run time so the JIT cannot re-encode it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64FromBits(long bits) => BitConverter.Int64BitsToDouble(bits);
}
