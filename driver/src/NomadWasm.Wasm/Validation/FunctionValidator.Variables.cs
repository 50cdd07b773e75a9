using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>Parametric (§3.3.4), variable (§3.3.5) and table get/set (§3.3.6) instructions.</summary>
internal sealed partial class FunctionValidator
{
    private void ValidateParametric(ref CodeReader reader, Opcode op)
    {
        switch (op)
        {
            case Opcode.Drop:
                Pop();
                break;
            case Opcode.Select:
                {
                    Pop(ValType.I32);
                    var t1 = Pop();
                    var t2 = Pop();
                    if (t1.IsReference() || t2.IsReference() || t1 == ValType.V128 || t2 == ValType.V128)
                    {
                        // Untyped select only takes number types (§3.3.4.2).
                        Fail("type mismatch");
                    }

                    if (t1 != t2 && t1 != Unknown && t2 != Unknown)
                    {
                        Fail("type mismatch");
                    }

                    Push(t1 == Unknown ? t2 : t1);
                    break;
                }

            default:
                {
                    var count = reader.ReadVarU32();
                    if (count != 1)
                    {
                        // Decode any listed types first so a malformed one is reported as such.
                        for (var i = 0u; i < count; i++)
                        {
                            InstructionSkipper.ReadValType(ref reader);
                        }

                        Fail("invalid result arity");
                    }

                    var type = InstructionSkipper.ReadValType(ref reader);
                    Pop(ValType.I32);
                    Pop(type);
                    Pop(type);
                    Push(type);
                    break;
                }
        }
    }

    private void ValidateVariable(ref CodeReader reader, Opcode op)
    {
        var index = reader.ReadVarU32();
        switch (op)
        {
            case Opcode.LocalGet:
                Push(Local(index));
                break;
            case Opcode.LocalSet:
                Pop(Local(index));
                break;
            case Opcode.LocalTee:
                {
                    var type = Local(index);
                    Pop(type);
                    Push(type);
                    break;
                }

            case Opcode.GlobalGet:
                Push(Global(index).Type);
                break;
            case Opcode.GlobalSet:
                {
                    var global = Global(index);
                    if (!global.Mutable)
                    {
                        Fail("global is immutable");
                    }

                    Pop(global.Type);
                    break;
                }

            case Opcode.TableGet:
                CheckTable(index);
                Pop(ValType.I32);
                Push(_context.Tables[index].ElementType);
                break;
            default:
                CheckTable(index);
                Pop(_context.Tables[index].ElementType);
                Pop(ValType.I32);
                break;
        }
    }

    private ValType Local(uint index)
    {
        if (index >= (uint)_localCount)
        {
            Fail($"unknown local {index}");
        }

        return _locals[index];
    }

    private GlobalType Global(uint index)
    {
        if (index >= (uint)_context.Globals.Length)
        {
            Fail($"unknown global {index}");
        }

        return _context.Globals[index];
    }
}
