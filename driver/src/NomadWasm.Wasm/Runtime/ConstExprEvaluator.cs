using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Evaluates constant expressions (Wasm 2.0 §3.3.10, §4.4.10) for an instance being created:
/// numeric constants, ref.null, ref.func, global.get, and extended-const's integer add/sub/mul.
/// </summary>
internal static class ConstExprEvaluator
{
    public static Value Evaluate(ConstExpr expr, ValType type, VmContext context)
    {
        Span<long> ints = stackalloc long[64];
        var depth = 0;
        object? reference = null;
        var isRef = false;
        var reader = new CodeReader(expr.Code.Span, expr.Offset);
        while (true)
        {
            var op = reader.ReadOpcode();
            switch (op)
            {
                case Opcode.End:
                    return isRef ? Value.FromBits(type, 0, reference) : Value.FromBits(type, ints[0], null);
                case Opcode.I32Const:
                    ints[depth++] = reader.ReadVarS32();
                    break;
                case Opcode.I64Const:
                    ints[depth++] = reader.ReadVarS64();
                    break;
                case Opcode.F32Const:
                    ints[depth++] = reader.ReadF32Bits();
                    break;
                case Opcode.F64Const:
                    ints[depth++] = (long)reader.ReadF64Bits();
                    break;
                case Opcode.RefNull:
                    reader.ReadByte();
                    isRef = true;
                    reference = null;
                    break;
                case Opcode.RefFunc:
                    isRef = true;
                    reference = context.GetFunction((int)reader.ReadVarU32());
                    break;
                case Opcode.GlobalGet:
                    var global = context.Globals[(int)reader.ReadVarU32()];
                    if (global.Type.Type.IsReference())
                    {
                        isRef = true;
                        reference = global.RefValue;
                    }
                    else
                    {
                        ints[depth++] = global.Bits;
                    }

                    break;
                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul:
                    var b = ints[--depth];
                    var a = ints[--depth];
                    var result = op switch
                    {
                        Opcode.I32Add or Opcode.I64Add => a + b,
                        Opcode.I32Sub or Opcode.I64Sub => a - b,
                        _ => a * b,
                    };
                    ints[depth++] = op <= Opcode.I32Mul ? (int)result : result;
                    break;
                default:
                    throw new NotSupportedException($"instruction 0x{(byte)op:x2} in a constant expression at offset {reader.Offset - 1}");
            }
        }
    }

    /// <summary>The value of an expression that is a lone i32.const, if it is one.</summary>
    public static bool TryConstantI32(ConstExpr expr, out int value)
    {
        value = 0;
        var reader = new CodeReader(expr.Code.Span, expr.Offset);
        if (reader.ReadOpcode() != Opcode.I32Const)
        {
            return false;
        }

        value = reader.ReadVarS32();
        return !reader.AtEnd && reader.ReadOpcode() == Opcode.End;
    }
}
