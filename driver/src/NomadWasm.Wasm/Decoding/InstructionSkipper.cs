using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Steps over instructions without checking types: reads each opcode's immediates (Wasm 2.0 §5.4)
/// so malformed encodings are found. Used by the decoder to find the end of constant expressions
/// and, on the error path, to let a malformed body win over an invalid one as the spec orders them.
/// </summary>
internal static class InstructionSkipper
{
    /// <summary>Skips instructions through the <c>end</c> that closes the expression.</summary>
    public static void SkipExpression(ref CodeReader reader)
    {
        var depth = 0;
        while (true)
        {
            var start = reader.Offset;
            var op = reader.ReadOpcode();
            switch (op)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    ReadBlockType(ref reader);
                    depth++;
                    break;
                case Opcode.End:
                    if (depth-- == 0)
                    {
                        return;
                    }

                    break;
                default:
                    SkipImmediates(ref reader, op, start);
                    break;
            }
        }
    }

    /// <summary>Skips a whole function body's instructions; fails unless the last <c>end</c> is its last byte.</summary>
    public static void SkipBody(ReadOnlySpan<byte> code, int baseOffset)
    {
        var reader = new CodeReader(code, baseOffset);
        SkipExpression(ref reader);
        if (!reader.AtEnd)
        {
            throw new MalformedModuleException("section size mismatch", reader.Offset, "code");
        }
    }

    /// <summary>A block type (§5.4.1): 0x40, a value type, or a non-negative s33 type index.</summary>
    public static long ReadBlockType(ref CodeReader reader)
    {
        var offset = reader.Offset;
        var value = reader.ReadVarS33();
        if (value < 0 && value != -0x40 && !IsValTypeCode(value))
        {
            throw new MalformedModuleException(value == -0x05 ? "SIMD proposal not supported (block type v128)" : "malformed value type", offset);
        }

        return value;
    }

    /// <summary>Reads the immediates of <paramref name="op"/>, whose opcode byte was read at <paramref name="start"/>.</summary>
    public static void SkipImmediates(ref CodeReader reader, Opcode op, int start)
    {
        switch (op)
        {
            case Opcode.Unreachable or Opcode.Nop or Opcode.Else or Opcode.End or Opcode.Return or Opcode.Drop or Opcode.Select:
                break;
            case Opcode.Block or Opcode.Loop or Opcode.If:
                ReadBlockType(ref reader);
                break;
            case Opcode.Br or Opcode.BrIf or Opcode.Call or Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee
                or Opcode.GlobalGet or Opcode.GlobalSet or Opcode.TableGet or Opcode.TableSet or Opcode.RefFunc:
                reader.ReadVarU32();
                break;
            case Opcode.BrTable:
                {
                    var count = reader.ReadVarU32();
                    for (var i = 0u; i <= count; i++)
                    {
                        reader.ReadVarU32();
                    }

                    break;
                }

            case Opcode.CallIndirect:
                reader.ReadVarU32();
                reader.ReadVarU32();
                break;
            case Opcode.SelectTyped:
                {
                    var count = reader.ReadVarU32();
                    for (var i = 0u; i < count; i++)
                    {
                        ReadValType(ref reader);
                    }

                    break;
                }

            case >= Opcode.I32Load and <= Opcode.I64Store32:
                reader.ReadMemArg();
                break;
            case Opcode.MemorySize or Opcode.MemoryGrow:
                ReadZeroByte(ref reader);
                break;
            case Opcode.I32Const:
                reader.ReadVarS32();
                break;
            case Opcode.I64Const:
                reader.ReadVarS64();
                break;
            case Opcode.F32Const:
                reader.Take(4);
                break;
            case Opcode.F64Const:
                reader.Take(8);
                break;
            case >= Opcode.I32Eqz and <= Opcode.I64Extend32S:
            case Opcode.RefIsNull:
                break;
            case Opcode.RefNull:
                ReadRefType(ref reader);
                break;
            case Opcode.MiscPrefix:
                SkipMiscImmediates(ref reader, reader.ReadVarU32(), start);
                break;
            case Opcode.SimdPrefix:
                throw UnsupportedOpcodes.Simd(reader.ReadVarU32(), start);
            default:
                throw UnsupportedOpcodes.Illegal((byte)op, start);
        }
    }

    public static void ReadZeroByte(ref CodeReader reader)
    {
        var offset = reader.Offset;
        if (reader.ReadByte() != 0)
        {
            throw new MalformedModuleException("zero byte expected", offset);
        }
    }

    public static ValType ReadValType(ref CodeReader reader)
    {
        var offset = reader.Offset;
        var b = reader.ReadByte();
        return b switch
        {
            0x7F or 0x7E or 0x7D or 0x7C or 0x70 or 0x6F => (ValType)b,
            0x7B => throw new MalformedModuleException("SIMD proposal not supported (value type v128)", offset),
            _ => throw new MalformedModuleException("malformed value type", offset),
        };
    }

    public static ValType ReadRefType(ref CodeReader reader)
    {
        var offset = reader.Offset;
        var b = reader.ReadByte();
        return b is 0x70 or 0x6F ? (ValType)b : throw new MalformedModuleException("malformed reference type", offset);
    }

    /// <summary>Reads the immediates of the 0xFC-prefixed instruction <paramref name="sub"/> (already read).</summary>
    public static void SkipMiscImmediates(ref CodeReader reader, uint sub, int start)
    {
        switch ((MiscOpcode)sub)
        {
            case <= MiscOpcode.I64TruncSatF64U:
                break;
            case MiscOpcode.MemoryInit:
                reader.ReadVarU32();
                ReadZeroByte(ref reader);
                break;
            case MiscOpcode.DataDrop or MiscOpcode.ElemDrop or MiscOpcode.TableGrow or MiscOpcode.TableSize or MiscOpcode.TableFill:
                reader.ReadVarU32();
                break;
            case MiscOpcode.MemoryCopy:
                ReadZeroByte(ref reader);
                ReadZeroByte(ref reader);
                break;
            case MiscOpcode.MemoryFill:
                ReadZeroByte(ref reader);
                break;
            case MiscOpcode.TableInit or MiscOpcode.TableCopy:
                reader.ReadVarU32();
                reader.ReadVarU32();
                break;
            default:
                throw UnsupportedOpcodes.IllegalMisc(sub, start);
        }
    }

    private static bool IsValTypeCode(long s33) => s33 is -0x01 or -0x02 or -0x03 or -0x04 or -0x10 or -0x11;
}
