using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// Constant expressions (Wasm 2.0 §3.3.10) plus the extended-const proposal's
/// <c>i32/i64.add/sub/mul</c>. <c>global.get</c> must name an immutable global; in global
/// initializers only imported globals are visible (the context C′ of §3.4.10).
/// </summary>
internal static class ConstExprValidator
{
    public static void Validate(ModuleContext context, ConstExpr expression, ValType expected, int visibleGlobals)
    {
        Span<ValType> stack = stackalloc ValType[16];
        var height = 0;
        var reader = new CodeReader(expression.Code.Span, expression.Offset);
        while (true)
        {
            var offset = reader.Offset;
            var op = reader.ReadOpcode();
            ValType pushed;
            switch (op)
            {
                case Opcode.I32Const:
                    reader.ReadVarS32();
                    pushed = ValType.I32;
                    break;
                case Opcode.I64Const:
                    reader.ReadVarS64();
                    pushed = ValType.I64;
                    break;
                case Opcode.F32Const:
                    reader.ReadF32Bits();
                    pushed = ValType.F32;
                    break;
                case Opcode.F64Const:
                    reader.ReadF64Bits();
                    pushed = ValType.F64;
                    break;
                case Opcode.RefNull:
                    pushed = InstructionSkipper.ReadRefType(ref reader);
                    break;
                case Opcode.RefFunc:
                    var function = reader.ReadVarU32();
                    if (function >= (uint)context.Functions.Length)
                    {
                        throw new InvalidModuleException($"unknown function {function}", offset);
                    }

                    pushed = ValType.FuncRef;
                    break;
                case Opcode.GlobalGet:
                    {
                        var index = reader.ReadVarU32();
                        if (index >= (uint)visibleGlobals)
                        {
                            throw new InvalidModuleException($"unknown global {index}", offset);
                        }

                        var global = context.Globals[index];
                        if (global.Mutable)
                        {
                            throw new InvalidModuleException("constant expression required", offset);
                        }

                        pushed = global.Type;
                        break;
                    }

                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul:
                    {
                        var type = op <= Opcode.I32Mul ? ValType.I32 : ValType.I64;
                        if (height < 2 || stack[height - 1] != type || stack[height - 2] != type)
                        {
                            throw new InvalidModuleException("type mismatch", offset);
                        }

                        height -= 2;
                        pushed = type;
                        break;
                    }

                case Opcode.End:
                    if (height != 1 || stack[0] != expected)
                    {
                        throw new InvalidModuleException("type mismatch", offset);
                    }

                    return;
                default:
                    throw new InvalidModuleException("constant expression required", offset);
            }

            if (height == stack.Length)
            {
                throw new InvalidModuleException("constant expression too deep (more than 16 operands)", offset);
            }

            stack[height++] = pushed;
        }
    }
}
