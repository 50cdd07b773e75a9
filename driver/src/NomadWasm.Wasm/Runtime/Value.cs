using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A WebAssembly value (Wasm 2.0 §4.2.1) as the host sees it. Floats are kept as raw bits, so NaN
/// payloads survive a round trip; <see cref="Ref"/> is the reference for funcref (a
/// <see cref="Function"/>) and externref (any object), null meaning <c>ref.null</c>.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly long _bits;
    private readonly object? _ref;

    private Value(ValType type, long bits, object? reference)
    {
        Type = type;
        _bits = bits;
        _ref = reference;
    }

    public ValType Type { get; }

    public int I32 => (int)_bits;

    public long I64 => _bits;

    public uint F32Bits => (uint)_bits;

    public ulong F64Bits => (ulong)_bits;

    public float F32 => BitConverter.Int32BitsToSingle((int)_bits);

    public double F64 => BitConverter.Int64BitsToDouble(_bits);

    public object? Ref => _ref;

    /// <summary>The raw bits (integers and floats), for runtime use.</summary>
    internal long Bits => _bits;

    public static Value FromI32(int value) => new(ValType.I32, value, null);

    public static Value FromI64(long value) => new(ValType.I64, value, null);

    public static Value FromF32Bits(uint bits) => new(ValType.F32, bits, null);

    public static Value FromF64Bits(ulong bits) => new(ValType.F64, (long)bits, null);

    public static Value FromF32(float value) => new(ValType.F32, (uint)BitConverter.SingleToInt32Bits(value), null);

    public static Value FromF64(double value) => new(ValType.F64, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>A reference value; <paramref name="type"/> must be funcref or externref.</summary>
    public static Value FromRef(ValType type, object? reference)
    {
        if (!type.IsReference())
        {
            throw new ArgumentException($"{type.ToWatName()} is not a reference type", nameof(type));
        }

        if (type == ValType.FuncRef && reference is not null and not Function)
        {
            throw new ArgumentException("a funcref must be a Function or null", nameof(reference));
        }

        return new Value(type, 0, reference);
    }

    /// <summary>The zero value of a type (Wasm 2.0 §4.2.1, default values).</summary>
    public static Value Default(ValType type) => new(type, 0, null);

    internal static Value FromBits(ValType type, long bits, object? reference) => new(type, bits, reference);

    public bool Equals(Value other) => Type == other.Type && _bits == other._bits && ReferenceEquals(_ref, other._ref);

    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, _bits, _ref);

    public static bool operator ==(Value left, Value right) => left.Equals(right);

    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    public override string ToString() => Type switch
    {
        ValType.I32 => $"i32:{I32}",
        ValType.I64 => $"i64:{I64}",
        ValType.F32 => $"f32:{F32}",
        ValType.F64 => $"f64:{F64}",
        _ => $"{Type.ToWatName()}:{_ref ?? "null"}",
    };
}
