using System.Globalization;
using System.Text.Json;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Cli.Wast;

/// <summary>
/// A value as wast2json writes it: <c>{"type": "i32", "value": "4294967295"}</c>. Numbers are the
/// unsigned decimal of their bits; f32/f64 results may be <c>nan:canonical</c> or
/// <c>nan:arithmetic</c>; references are <c>null</c> or (externref) a host number.
/// </summary>
internal readonly record struct WastValue(ValType Type, string Text)
{
    public static WastValue Parse(JsonElement element)
    {
        var typeName = element.GetProperty("type").GetString();
        var type = typeName switch
        {
            "i32" => ValType.I32,
            "i64" => ValType.I64,
            "f32" => ValType.F32,
            "f64" => ValType.F64,
            "funcref" => ValType.FuncRef,
            "externref" => ValType.ExternRef,
            "v128" => ValType.V128,
            _ => throw new FormatException($"unknown value type '{typeName}'"),
        };
        var text = element.TryGetProperty("value", out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString()
            : string.Empty;
        return new WastValue(type, text);
    }

    /// <summary>The runtime value of an argument.</summary>
    public Value ToValue(ExternRefs externs) => Type switch
    {
        ValType.I32 => Value.FromI32(unchecked((int)uint.Parse(Text, CultureInfo.InvariantCulture))),
        ValType.I64 => Value.FromI64(unchecked((long)ulong.Parse(Text, CultureInfo.InvariantCulture))),
        ValType.F32 => Value.FromF32Bits(uint.Parse(Text, CultureInfo.InvariantCulture)),
        ValType.F64 => Value.FromF64Bits(ulong.Parse(Text, CultureInfo.InvariantCulture)),
        ValType.FuncRef when Text == "null" => Value.FromRef(ValType.FuncRef, null),
        ValType.ExternRef => Value.FromRef(ValType.ExternRef, Text == "null" ? null : externs.Get(uint.Parse(Text, CultureInfo.InvariantCulture))),
        _ => throw new NotSupportedException($"{Type.ToWatName()} argument '{Text}' is not supported"),
    };

    /// <summary>Whether <paramref name="actual"/> satisfies this expected result.</summary>
    public bool Matches(Value actual, ExternRefs externs)
    {
        if (actual.Type != Type)
        {
            return false;
        }

        switch (Type)
        {
            case ValType.F32 when Text == "nan:canonical":
                return (actual.F32Bits & 0x7FFF_FFFF) == 0x7FC0_0000;
            case ValType.F32 when Text == "nan:arithmetic":
                return (actual.F32Bits & 0x7FC0_0000) == 0x7FC0_0000;
            case ValType.F64 when Text == "nan:canonical":
                return (actual.F64Bits & 0x7FFF_FFFF_FFFF_FFFF) == 0x7FF8_0000_0000_0000;
            case ValType.F64 when Text == "nan:arithmetic":
                return (actual.F64Bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;
            case ValType.FuncRef:
                return Text == "null" ? actual.Ref is null : actual.Ref is not null;
            case ValType.ExternRef:
                return Text == "null"
                    ? actual.Ref is null
                    : ReferenceEquals(actual.Ref, externs.Get(uint.Parse(Text, CultureInfo.InvariantCulture)));
            default:
                return ToValue(externs) == actual;
        }
    }

    public override string ToString() => $"{Type.ToWatName()}:{Text}";

    /// <summary>The same notation for an actual value.</summary>
    public static string Format(Value value) => value.Type switch
    {
        ValType.I32 => $"i32:{(uint)value.I32}",
        ValType.I64 => $"i64:{(ulong)value.I64}",
        ValType.F32 => $"f32:{value.F32Bits} ({value.F32.ToString("R", CultureInfo.InvariantCulture)})",
        ValType.F64 => $"f64:{value.F64Bits} ({value.F64.ToString("R", CultureInfo.InvariantCulture)})",
        ValType.ExternRef => value.Ref is null ? "externref:null" : $"externref:{value.Ref}",
        ValType.FuncRef => value.Ref is null ? "funcref:null" : $"funcref:{value.Ref}",
        _ => value.ToString(),
    };
}

/// <summary>The host objects standing for <c>(ref.extern N)</c>: one object per N for the whole script.</summary>
internal sealed class ExternRefs
{
    private readonly Dictionary<uint, HostRef> _refs = [];

    public object Get(uint n)
    {
        if (!_refs.TryGetValue(n, out var value))
        {
            value = new HostRef(n);
            _refs[n] = value;
        }

        return value;
    }

    private sealed record HostRef(uint N)
    {
        public override string ToString() => N.ToString(CultureInfo.InvariantCulture);
    }
}
