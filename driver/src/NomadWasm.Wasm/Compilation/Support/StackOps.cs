using System.Runtime.CompilerServices;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary><c>select</c> (Wasm 2.0 §4.4.4.2) for each IL value type; the JIT can turn these into cmov.</summary>
internal static class StackOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SelectI32(int a, int b, int condition) => condition != 0 ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long SelectI64(long a, long b, int condition) => condition != 0 ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SelectF32(float a, float b, int condition) => condition != 0 ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SelectF64(double a, double b, int condition) => condition != 0 ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object? SelectRef(object? a, object? b, int condition) => condition != 0 ? a : b;
}
