using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// Reference instructions (Wasm 2.0 §3.3.2) and the 0xFC family: saturating truncation (§3.3.1),
/// bulk memory (§3.3.7) and table instructions (§3.3.6).
/// </summary>
internal sealed partial class FunctionValidator
{
    private void ValidateReference(ref CodeReader reader, Opcode op)
    {
        switch (op)
        {
            case Opcode.RefNull:
                Push(InstructionSkipper.ReadRefType(ref reader));
                break;
            case Opcode.RefIsNull:
                PopReference();
                Push(ValType.I32);
                break;
            default:
                {
                    var index = reader.ReadVarU32();
                    if (index >= (uint)_context.Functions.Length)
                    {
                        Fail($"unknown function {index}");
                    }

                    if (!_context.DeclaredReferences.Contains(index))
                    {
                        Fail("undeclared function reference");
                    }

                    Push(ValType.FuncRef);
                    break;
                }
        }
    }

    private void ValidateMisc(ref CodeReader reader)
    {
        var sub = reader.ReadVarU32();
        switch ((MiscOpcode)sub)
        {
            case <= MiscOpcode.I64TruncSatF64U:
                {
                    var (a, r) = NumericSignatures.OfTruncSat(sub);
                    Pop(a);
                    Push(r);
                    break;
                }

            case MiscOpcode.MemoryInit:
                {
                    var segment = reader.ReadVarU32();
                    InstructionSkipper.ReadZeroByte(ref reader);
                    RequireDataCount();
                    CheckMemory();
                    CheckDataSegment(segment);
                    PopI32Times(3);
                    break;
                }

            case MiscOpcode.DataDrop:
                CheckDataSegment(reader.ReadVarU32());
                break;
            case MiscOpcode.MemoryCopy:
                InstructionSkipper.ReadZeroByte(ref reader);
                InstructionSkipper.ReadZeroByte(ref reader);
                CheckMemory();
                PopI32Times(3);
                break;
            case MiscOpcode.MemoryFill:
                InstructionSkipper.ReadZeroByte(ref reader);
                CheckMemory();
                PopI32Times(3);
                break;
            case MiscOpcode.TableInit:
                {
                    var segment = reader.ReadVarU32();
                    var table = reader.ReadVarU32();
                    CheckTable(table);
                    var elementType = ElementSegmentType(segment);
                    if (_context.Tables[table].ElementType != elementType)
                    {
                        Fail("type mismatch");
                    }

                    PopI32Times(3);
                    break;
                }

            case MiscOpcode.ElemDrop:
                ElementSegmentType(reader.ReadVarU32());
                break;
            case MiscOpcode.TableCopy:
                {
                    var destination = reader.ReadVarU32();
                    var source = reader.ReadVarU32();
                    CheckTable(destination);
                    CheckTable(source);
                    if (_context.Tables[destination].ElementType != _context.Tables[source].ElementType)
                    {
                        Fail("type mismatch");
                    }

                    PopI32Times(3);
                    break;
                }

            case MiscOpcode.TableGrow:
                {
                    var table = reader.ReadVarU32();
                    CheckTable(table);
                    Pop(ValType.I32);
                    Pop(_context.Tables[table].ElementType);
                    Push(ValType.I32);
                    break;
                }

            case MiscOpcode.TableSize:
                CheckTable(reader.ReadVarU32());
                Push(ValType.I32);
                break;
            case MiscOpcode.TableFill:
                {
                    var table = reader.ReadVarU32();
                    CheckTable(table);
                    Pop(ValType.I32);
                    Pop(_context.Tables[table].ElementType);
                    Pop(ValType.I32);
                    break;
                }

            default:
                throw UnsupportedOpcodes.IllegalMisc(sub, _instructionOffset);
        }
    }

    private void PopI32Times(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Pop(ValType.I32);
        }
    }

    /// <summary>memory.init and data.drop need the data count section (§5.5.15) and a segment below it.</summary>
    private void CheckDataSegment(uint index)
    {
        RequireDataCount();
        if (index >= (_context.Module.DataCount ?? 0))
        {
            Fail($"unknown data segment {index}");
        }
    }

    /// <summary>
    /// A module without a data count section but with data segments is malformed. Without either,
    /// the index is simply out of range: wabt leaves the (empty) data count section out, and the
    /// spec suite expects "unknown data segment" for such modules.
    /// </summary>
    private void RequireDataCount()
    {
        if (_context.Module.DataCount is null && _context.Module.Data.Length > 0)
        {
            throw new MalformedModuleException("data count section required", _instructionOffset, "code");
        }
    }

    private ValType ElementSegmentType(uint index)
    {
        var elements = _context.Module.Elements;
        if (index >= (uint)elements.Length)
        {
            Fail($"unknown elem segment {index}");
        }

        return elements[index].ElementType;
    }
}
