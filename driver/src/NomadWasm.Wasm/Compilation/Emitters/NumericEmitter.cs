using System.Reflection;
using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// Constants, comparisons and arithmetic (Wasm 2.0 §4.4.1). Where IL has the exact semantics
/// (add, and, compare...) it is used directly; shift counts are masked explicitly; division,
/// float min/max/abs/neg/copysign and rounding go through helpers with the wasm rules.
/// </summary>
internal static class NumericEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case Opcode.I32Const:
                ConstantInit.EmitConstant(il, ValType.I32, reader.ReadVarS32());
                c.Push(ValType.I32);
                return true;
            case Opcode.I64Const:
                ConstantInit.EmitConstant(il, ValType.I64, reader.ReadVarS64());
                c.Push(ValType.I64);
                return true;
            case Opcode.F32Const:
                var f32 = reader.ReadF32Bits();
                ConstantInit.EmitConstant(il, ValType.F32, f32);
                var f = BitConverter.Int32BitsToSingle((int)f32);
                c.Push(ValType.F32, Origin(f));
                return true;
            case Opcode.F64Const:
                var f64 = (long)reader.ReadF64Bits();
                ConstantInit.EmitConstant(il, ValType.F64, f64);
                var d = BitConverter.Int64BitsToDouble(f64);
                c.Push(ValType.F64, Origin(d));
                return true;
            case Opcode.I32Eqz:
                il.Emit(OpCodes.Ldc_I4_0);
                il.Emit(OpCodes.Ceq);
                return true;
            case Opcode.I64Eqz:
                c.Pop();
                il.Emit(OpCodes.Ldc_I8, 0L);
                il.Emit(OpCodes.Ceq);
                c.Push(ValType.I32);
                return true;
            case >= Opcode.I32Eq and <= Opcode.I32GeU:
            case >= Opcode.I64Eq and <= Opcode.I64GeU:
            case >= Opcode.F32Eq and <= Opcode.F64Ge:
                EmitCompare(c, op);
                return true;
            case Opcode.I32Clz or Opcode.I32Ctz or Opcode.I32Popcnt:
                il.Emit(OpCodes.Call, op switch
                {
                    Opcode.I32Clz => RuntimeMethods.Clz32,
                    Opcode.I32Ctz => RuntimeMethods.Ctz32,
                    _ => RuntimeMethods.Popcnt32,
                });
                return true;
            case Opcode.I64Clz or Opcode.I64Ctz or Opcode.I64Popcnt:
                il.Emit(OpCodes.Call, op switch
                {
                    Opcode.I64Clz => RuntimeMethods.Clz64,
                    Opcode.I64Ctz => RuntimeMethods.Ctz64,
                    _ => RuntimeMethods.Popcnt64,
                });
                il.Emit(OpCodes.Conv_I8);
                return true;
            case >= Opcode.I32Add and <= Opcode.I32Rotr:
                EmitIntegerBinary(c, op - Opcode.I32Add, is64: false);
                return true;
            case >= Opcode.I64Add and <= Opcode.I64Rotr:
                EmitIntegerBinary(c, op - Opcode.I64Add, is64: true);
                return true;
            case >= Opcode.F32Abs and <= Opcode.F32Sqrt:
            case >= Opcode.F64Abs and <= Opcode.F64Sqrt:
                il.Emit(OpCodes.Call, Float(op.ToString()));
                return true;
            case Opcode.F32Add or Opcode.F64Add or Opcode.F32Sub or Opcode.F64Sub or Opcode.F32Mul or Opcode.F64Mul or Opcode.F32Div or Opcode.F64Div:
                if (MayFoldToOperand(op, c.PeekOrigin(0)) || MayFoldToOperand(op, c.PeekOrigin(1)))
                {
                    // x+(-0), x-0, x*1, x/1 must still quiet a signalling NaN; keep the JIT from folding them.
                    c.Pop();
                    il.Emit(OpCodes.Call, Float(op + "NoFold"));
                    return true;
                }

                EmitBinary(c, op switch
                {
                    Opcode.F32Add or Opcode.F64Add => OpCodes.Add,
                    Opcode.F32Sub or Opcode.F64Sub => OpCodes.Sub,
                    Opcode.F32Mul or Opcode.F64Mul => OpCodes.Mul,
                    _ => OpCodes.Div,
                });
                return true;
            case Opcode.F32Min or Opcode.F32Max or Opcode.F32Copysign or Opcode.F64Min or Opcode.F64Max or Opcode.F64Copysign:
                c.Pop();
                il.Emit(OpCodes.Call, Float(op.ToString()));
                return true;
            case Opcode.I32Extend8S:
                il.Emit(OpCodes.Conv_I1);
                return true;
            case Opcode.I32Extend16S:
                il.Emit(OpCodes.Conv_I2);
                return true;
            case Opcode.I64Extend8S:
                il.Emit(OpCodes.Conv_I1);
                il.Emit(OpCodes.Conv_I8);
                return true;
            case Opcode.I64Extend16S:
                il.Emit(OpCodes.Conv_I2);
                il.Emit(OpCodes.Conv_I8);
                return true;
            case Opcode.I64Extend32S:
                il.Emit(OpCodes.Conv_I4);
                il.Emit(OpCodes.Conv_I8);
                return true;
            default:
                return false;
        }
    }

    private static void EmitBinary(FunctionCompiler c, OpCode opcode)
    {
        c.Pop();
        c.IL.Emit(opcode);
    }

    /// <summary>Operators in wasm opcode order from add: add sub mul div_s div_u rem_s rem_u and or xor shl shr_s shr_u rotl rotr.</summary>
    private static void EmitIntegerBinary(FunctionCompiler c, int kind, bool is64)
    {
        var il = c.IL;
        c.Pop();
        switch (kind)
        {
            case 0:
                il.Emit(OpCodes.Add);
                break;
            case 1:
                il.Emit(OpCodes.Sub);
                break;
            case 2:
                il.Emit(OpCodes.Mul);
                break;
            case >= 3 and <= 6:
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                var name = (is64 ? "I64" : "I32") + kind switch { 3 => "DivS", 4 => "DivU", 5 => "RemS", _ => "RemU" };
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(IntegerOps), name));
                break;
            case 7:
                il.Emit(OpCodes.And);
                break;
            case 8:
                il.Emit(OpCodes.Or);
                break;
            case 9:
                il.Emit(OpCodes.Xor);
                break;
            case >= 10 and <= 12:
                // IL leaves shifts by >= the width undefined; wasm takes the count modulo the width.
                if (is64)
                {
                    il.Emit(OpCodes.Conv_I4);
                }

                IlHelpers.EmitLoadInt(il, is64 ? 63 : 31);
                il.Emit(OpCodes.And);
                il.Emit(kind switch { 10 => OpCodes.Shl, 11 => OpCodes.Shr, _ => OpCodes.Shr_Un });
                break;
            default:
                if (is64)
                {
                    il.Emit(OpCodes.Conv_I4);
                }

                il.Emit(OpCodes.Call, kind == 13
                    ? (is64 ? RuntimeMethods.Rotl64 : RuntimeMethods.Rotl32)
                    : (is64 ? RuntimeMethods.Rotr64 : RuntimeMethods.Rotr32));
                break;
        }
    }

    private static void EmitCompare(FunctionCompiler c, Opcode op)
    {
        var il = c.IL;
        c.Pop();
        c.Pop();
        c.Push(ValType.I32);
        var (opcode, negate) = op switch
        {
            Opcode.I32Eq or Opcode.I64Eq or Opcode.F32Eq or Opcode.F64Eq => (OpCodes.Ceq, false),
            Opcode.I32Ne or Opcode.I64Ne or Opcode.F32Ne or Opcode.F64Ne => (OpCodes.Ceq, true),
            Opcode.I32LtS or Opcode.I64LtS or Opcode.F32Lt or Opcode.F64Lt => (OpCodes.Clt, false),
            Opcode.I32LtU or Opcode.I64LtU => (OpCodes.Clt_Un, false),
            Opcode.I32GtS or Opcode.I64GtS or Opcode.F32Gt or Opcode.F64Gt => (OpCodes.Cgt, false),
            Opcode.I32GtU or Opcode.I64GtU => (OpCodes.Cgt_Un, false),
            Opcode.I32LeS or Opcode.I64LeS => (OpCodes.Cgt, true),
            Opcode.I32LeU or Opcode.I64LeU or Opcode.F32Le or Opcode.F64Le => (OpCodes.Cgt_Un, true),
            Opcode.I32GeS or Opcode.I64GeS => (OpCodes.Clt, true),
            _ => (OpCodes.Clt_Un, true), // ge_u, and float ge: !(a < b or unordered)
        };
        il.Emit(opcode);
        if (negate)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Ceq);
        }
    }

    private static OperandOrigin Origin(double value) => value switch
    {
        1.0 or -1.0 => OperandOrigin.One,
        0.0 when double.IsNegative(value) => OperandOrigin.NegativeZero,
        0.0 => OperandOrigin.PositiveZero,
        _ => OperandOrigin.Other,
    };

    /// <summary>True if RyuJIT may turn <paramref name="op"/> with this constant operand into the other operand.</summary>
    private static bool MayFoldToOperand(Opcode op, OperandOrigin origin) => op switch
    {
        Opcode.F32Add or Opcode.F64Add => origin == OperandOrigin.NegativeZero,
        Opcode.F32Sub or Opcode.F64Sub => origin is OperandOrigin.PositiveZero or OperandOrigin.NegativeZero,
        _ => origin == OperandOrigin.One,
    };

    private static MethodInfo Float(string name) => RuntimeMethods.Support(typeof(FloatOps), name);
}
