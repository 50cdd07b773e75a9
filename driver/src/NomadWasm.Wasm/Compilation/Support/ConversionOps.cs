using System.Numerics;
using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Conversions (Wasm 2.0 §4.3.4): trapping truncations ("invalid conversion to integer" on NaN,
/// "integer overflow" out of range), saturating truncations, and integer-to-float conversions
/// that round once (a 64-bit integer never goes through double on its way to f32).
/// </summary>
internal static class ConversionOps
{
    // Exclusive bounds: a value converts iff lower < trunc(x) < upper, i.e. lower < x < upper
    // with lower = -2^31 - 1 (or -1 for unsigned) and upper = 2^31 (2^32, 2^63, 2^64).
    private const double I32Lower = -2147483649.0;
    private const double I32Upper = 2147483648.0;
    private const double U32Upper = 4294967296.0;
    private const double I64Upper = 9223372036854775808.0;
    private const double U64Upper = 18446744073709551616.0;

    public static int I32TruncF32S(float x, VmContext context, int function) => I32TruncF64S(x, context, function);

    public static int I32TruncF32U(float x, VmContext context, int function) => I32TruncF64U(x, context, function);

    public static int I32TruncF64S(double x, VmContext context, int function)
    {
        Check(x, I32Lower, I32Upper, context, function);
        return (int)x;
    }

    public static int I32TruncF64U(double x, VmContext context, int function)
    {
        Check(x, -1.0, U32Upper, context, function);
        return (int)(uint)x;
    }

    public static long I64TruncF32S(float x, VmContext context, int function) => I64TruncF64S(x, context, function);

    public static long I64TruncF32U(float x, VmContext context, int function) => I64TruncF64U(x, context, function);

    public static long I64TruncF64S(double x, VmContext context, int function)
    {
        // -2^63 - 1 is not representable; -2^63 itself converts, anything below does not.
        if (double.IsNaN(x))
        {
            TrapHelpers.Throw(context, function, TrapKind.InvalidConversionToInteger);
        }

        if (!(x >= -I64Upper && x < I64Upper))
        {
            TrapHelpers.Throw(context, function, TrapKind.IntegerOverflow);
        }

        return (long)x;
    }

    public static long I64TruncF64U(double x, VmContext context, int function)
    {
        Check(x, -1.0, U64Upper, context, function);
        return (long)(ulong)x;
    }

    public static int I32TruncSatF32S(float x) => I32TruncSatF64S(x);

    public static int I32TruncSatF32U(float x) => I32TruncSatF64U(x);

    public static int I32TruncSatF64S(double x) =>
        double.IsNaN(x) ? 0 : x <= I32Lower + 1 ? int.MinValue : x >= I32Upper ? int.MaxValue : (int)x;

    public static int I32TruncSatF64U(double x) =>
        double.IsNaN(x) || x <= -1.0 ? 0 : x >= U32Upper ? unchecked((int)uint.MaxValue) : (int)(uint)x;

    public static long I64TruncSatF32S(float x) => I64TruncSatF64S(x);

    public static long I64TruncSatF32U(float x) => I64TruncSatF64U(x);

    public static long I64TruncSatF64S(double x) =>
        double.IsNaN(x) ? 0 : x <= -I64Upper ? long.MinValue : x >= I64Upper ? long.MaxValue : (long)x;

    public static long I64TruncSatF64U(double x) =>
        double.IsNaN(x) || x <= -1.0 ? 0 : x >= U64Upper ? unchecked((long)ulong.MaxValue) : (long)(ulong)x;

    public static float F32ConvertI32U(int x) => (float)(double)(uint)x;

    public static double F64ConvertI32U(int x) => (uint)x;

    public static float F32ConvertI64S(long x) =>
        x < 0 ? -F32FromMagnitude(0UL - (ulong)x) : F32FromMagnitude((ulong)x);

    public static float F32ConvertI64U(long x) => F32FromMagnitude((ulong)x);

    public static double F64ConvertI64U(long x)
    {
        var u = (ulong)x;
        if (u < 1UL << 63)
        {
            return (long)u;
        }

        // Halve with a sticky low bit so the single rounding of the conversion stays correct.
        return (double)(long)((u >> 1) | (u & 1)) * 2.0;
    }

    /// <summary>Rounds an unsigned 64-bit magnitude to f32 exactly once (round to nearest even).</summary>
    private static float F32FromMagnitude(ulong u)
    {
        if (u < 1UL << 53)
        {
            // Exact in double, so the only rounding is double to float.
            return (float)(double)(long)u;
        }

        // Keep 53 significant bits, folding the dropped bits into a sticky bit: the value is then
        // exact in double and rounding it to 24 bits gives the correctly rounded result.
        var shift = 64 - BitOperations.LeadingZeroCount(u) - 53;
        var kept = (u >> shift) | ((u & ((1UL << shift) - 1)) != 0 ? 1UL : 0UL);
        return (float)((double)(long)kept * Math.ScaleB(1.0, shift));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(double x, double lower, double upper, VmContext context, int function)
    {
        if (!(x > lower && x < upper))
        {
            TrapHelpers.Throw(context, function, double.IsNaN(x) ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow);
        }
    }
}
