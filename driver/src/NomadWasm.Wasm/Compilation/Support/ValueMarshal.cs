using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>Sixteen <see cref="Value"/>s on the stack, for host calls without allocation.</summary>
[InlineArray(Capacity)]
internal struct ValueBuffer
{
    public const int Capacity = 16;

    private Value _element;

    public static Span<Value> AsSpan(ref ValueBuffer buffer, int length) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<ValueBuffer, Value>(ref buffer), length);
}

/// <summary>
/// Moves typed IL values into and out of <see cref="Value"/> spans; used by the trampolines between
/// the generic API (Function.Invoke, host functions) and compiled code.
/// </summary>
internal static class ValueMarshal
{
    public static int GetI32(ReadOnlySpan<Value> values, int index) => values[index].I32;

    public static long GetI64(ReadOnlySpan<Value> values, int index) => values[index].I64;

    public static float GetF32(ReadOnlySpan<Value> values, int index) => BitConverter.Int32BitsToSingle((int)values[index].Bits);

    public static double GetF64(ReadOnlySpan<Value> values, int index) => BitConverter.Int64BitsToDouble(values[index].Bits);

    public static object? GetRef(ReadOnlySpan<Value> values, int index) => values[index].Ref;

    public static void SetI32(Span<Value> values, int index, int value) => values[index] = Value.FromI32(value);

    public static void SetI64(Span<Value> values, int index, long value) => values[index] = Value.FromI64(value);

    public static void SetF32(Span<Value> values, int index, float value) =>
        values[index] = Value.FromBits(ValType.F32, (uint)BitConverter.SingleToInt32Bits(value), null);

    public static void SetF64(Span<Value> values, int index, double value) =>
        values[index] = Value.FromBits(ValType.F64, BitConverter.DoubleToInt64Bits(value), null);

    public static void SetFuncRef(Span<Value> values, int index, object? value) => values[index] = Value.FromBits(ValType.FuncRef, 0, value);

    public static void SetExternRef(Span<Value> values, int index, object? value) => values[index] = Value.FromBits(ValType.ExternRef, 0, value);

    public static string GetterName(ValType type) => type switch
    {
        ValType.I32 => nameof(GetI32),
        ValType.I64 => nameof(GetI64),
        ValType.F32 => nameof(GetF32),
        ValType.F64 => nameof(GetF64),
        _ => nameof(GetRef),
    };

    public static string SetterName(ValType type) => type switch
    {
        ValType.I32 => nameof(SetI32),
        ValType.I64 => nameof(SetI64),
        ValType.F32 => nameof(SetF32),
        ValType.F64 => nameof(SetF64),
        ValType.FuncRef => nameof(SetFuncRef),
        _ => nameof(SetExternRef),
    };
}

/// <summary>The generic part of a call from compiled code into a host function.</summary>
internal static class HostCalls
{
    /// <summary>Calls with arguments and results in stack buffers (both at most 16 values).</summary>
    public static void Invoke(VmContext host, ref ValueBuffer args, int argCount, ref ValueBuffer results, int resultCount) =>
        Invoke(host, ValueBuffer.AsSpan(ref args, argCount), ValueBuffer.AsSpan(ref results, resultCount));

    /// <summary>Calls with heap buffers, for signatures with more than 16 parameters or results.</summary>
    public static void InvokeArrays(VmContext host, Value[] args, Value[] results) => Invoke(host, args, results);

    public static Span<Value> Span(ref ValueBuffer buffer, int length) => ValueBuffer.AsSpan(ref buffer, length);

    private static void Invoke(VmContext host, Span<Value> args, Span<Value> results)
    {
        var caller = new Caller(CallOps.t_caller);
        host.Host!(caller, args, results);
        var expected = host.HostType!.Results;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Type != expected[i])
            {
                throw new InvalidOperationException(
                    $"host function {host.HostName} set result {i} to a {results[i].Type.ToWatName()}; its type says {expected[i].ToWatName()}");
            }
        }
    }
}
