using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>A constant expression that is a single numeric constant, and how to emit it.</summary>
internal readonly record struct ConstantInit(ValType Type, long Bits)
{
    public static bool TryRead(ConstExpr expr, out ConstantInit constant)
    {
        constant = default;
        var reader = new CodeReader(expr.Code.Span, expr.Offset);
        var op = reader.ReadOpcode();
        long bits;
        ValType type;
        switch (op)
        {
            case Opcode.I32Const:
                bits = reader.ReadVarS32();
                type = ValType.I32;
                break;
            case Opcode.I64Const:
                bits = reader.ReadVarS64();
                type = ValType.I64;
                break;
            case Opcode.F32Const:
                bits = reader.ReadF32Bits();
                type = ValType.F32;
                break;
            case Opcode.F64Const:
                bits = (long)reader.ReadF64Bits();
                type = ValType.F64;
                break;
            default:
                return false;
        }

        if (reader.AtEnd || reader.ReadOpcode() != Opcode.End)
        {
            return false;
        }

        constant = new ConstantInit(type, bits);
        return true;
    }

    public void Emit(ILGenerator il) => EmitConstant(il, Type, Bits);

    /// <summary>Pushes a numeric constant; NaN floats go through a helper so their payload survives the JIT.</summary>
    public static void EmitConstant(ILGenerator il, ValType type, long bits)
    {
        switch (type)
        {
            case ValType.I32:
                IlHelpers.EmitLoadInt(il, (int)bits);
                break;
            case ValType.I64:
                il.Emit(OpCodes.Ldc_I8, bits);
                break;
            case ValType.F32:
                var f = BitConverter.Int32BitsToSingle((int)bits);
                if (float.IsNaN(f))
                {
                    IlHelpers.EmitLoadInt(il, (int)bits);
                    il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(FloatOps), nameof(FloatOps.F32FromBits)));
                }
                else
                {
                    il.Emit(OpCodes.Ldc_R4, f);
                }

                break;
            case ValType.F64:
                var d = BitConverter.Int64BitsToDouble(bits);
                if (double.IsNaN(d))
                {
                    il.Emit(OpCodes.Ldc_I8, bits);
                    il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(FloatOps), nameof(FloatOps.F64FromBits)));
                }
                else
                {
                    il.Emit(OpCodes.Ldc_R8, d);
                }

                break;
            default:
                throw new NotSupportedException($"constant of type {type.ToWatName()}");
        }
    }
}
