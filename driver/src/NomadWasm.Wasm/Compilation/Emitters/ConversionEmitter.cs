using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// Conversions and reinterpretations (Wasm 2.0 §4.4.1.6, §4.3.4). Trapping truncations and
/// unsigned/64-bit-to-f32 conversions go through <see cref="ConversionOps"/>; reinterpretations
/// are bit moves, so NaN payloads survive.
/// </summary>
internal static class ConversionEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op)
    {
        var il = c.IL;
        var origin = c.PeekOrigin();
        c.Pop();
        switch (op)
        {
            case Opcode.I32WrapI64:
                il.Emit(OpCodes.Conv_I4);
                c.Push(ValType.I32);
                return true;
            case Opcode.I64ExtendI32S:
                il.Emit(OpCodes.Conv_I8);
                c.Push(ValType.I64);
                return true;
            case Opcode.I64ExtendI32U:
                il.Emit(OpCodes.Conv_U8);
                c.Push(ValType.I64);
                return true;
            case >= Opcode.I32TruncF32S and <= Opcode.I32TruncF64U:
            case >= Opcode.I64TruncF32S and <= Opcode.I64TruncF64U:
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(ConversionOps), op.ToString()));
                c.Push(op <= Opcode.I32TruncF64U ? ValType.I32 : ValType.I64);
                return true;
            case Opcode.F32ConvertI32S:
                il.Emit(OpCodes.Conv_R4);
                c.Push(ValType.F32);
                return true;
            case Opcode.F32ConvertI32U or Opcode.F32ConvertI64S or Opcode.F32ConvertI64U:
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(ConversionOps), op.ToString()));
                c.Push(ValType.F32);
                return true;
            case Opcode.F32DemoteF64:
                if (origin == OperandOrigin.Promoted)
                {
                    // demote(promote(x)) must quiet a signalling NaN; keep the JIT from folding it.
                    il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(FloatOps), nameof(FloatOps.F32DemoteNoFold)));
                }
                else
                {
                    il.Emit(OpCodes.Conv_R4);
                }

                c.Push(ValType.F32);
                return true;
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI64S:
                il.Emit(OpCodes.Conv_R8);
                c.Push(ValType.F64);
                return true;
            case Opcode.F64ConvertI32U or Opcode.F64ConvertI64U:
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(ConversionOps), op.ToString()));
                c.Push(ValType.F64);
                return true;
            case Opcode.F64PromoteF32:
                il.Emit(OpCodes.Conv_R8);
                c.Push(ValType.F64, OperandOrigin.Promoted);
                return true;
            case Opcode.I32ReinterpretF32:
                il.Emit(OpCodes.Call, RuntimeMethods.SingleToInt32Bits);
                c.Push(ValType.I32);
                return true;
            case Opcode.I64ReinterpretF64:
                il.Emit(OpCodes.Call, RuntimeMethods.DoubleToInt64Bits);
                c.Push(ValType.I64);
                return true;
            case Opcode.F32ReinterpretI32:
                il.Emit(OpCodes.Call, RuntimeMethods.Int32BitsToSingle);
                c.Push(ValType.F32);
                return true;
            case Opcode.F64ReinterpretI64:
                il.Emit(OpCodes.Call, RuntimeMethods.Int64BitsToDouble);
                c.Push(ValType.F64);
                return true;
            default:
                return false;
        }
    }

    public static bool EmitSaturating(FunctionCompiler c, MiscOpcode op)
    {
        c.Pop();
        c.IL.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(ConversionOps), op.ToString()));
        c.Push(op <= MiscOpcode.I32TruncSatF64U ? ValType.I32 : ValType.I64);
        return true;
    }
}
