using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation;

/// <summary>Reads past an instruction's immediates without acting on them (Wasm 2.0 §5.4).</summary>
internal static class InstructionSkipper
{
    /// <summary>Skips the immediates of <paramref name="op"/> (whose opcode byte was already read).</summary>
    public static void SkipImmediates(Opcode op, ref CodeReader reader)
    {
        switch (op)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If:
                reader.ReadVarS33();
                break;
            case Opcode.Br or Opcode.BrIf or Opcode.Call or Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee
                or Opcode.GlobalGet or Opcode.GlobalSet or Opcode.TableGet or Opcode.TableSet or Opcode.RefFunc
                or Opcode.MemorySize or Opcode.MemoryGrow:
                reader.ReadVarU32();
                break;
            case Opcode.BrTable:
                var count = reader.ReadVarU32();
                for (var i = 0u; i <= count; i++)
                {
                    reader.ReadVarU32();
                }

                break;
            case Opcode.CallIndirect:
                reader.ReadVarU32();
                reader.ReadVarU32();
                break;
            case Opcode.SelectTyped:
                var types = reader.ReadVarU32();
                reader.Take((int)types);
                break;
            case >= Opcode.I32Load and <= Opcode.I64Store32:
                reader.ReadMemArg();
                break;
            case Opcode.I32Const:
                reader.ReadVarS32();
                break;
            case Opcode.I64Const:
                reader.ReadVarS64();
                break;
            case Opcode.F32Const:
                reader.ReadF32Bits();
                break;
            case Opcode.F64Const:
                reader.ReadF64Bits();
                break;
            case Opcode.RefNull:
                reader.ReadByte();
                break;
            case Opcode.MiscPrefix:
                SkipMiscImmediates((MiscOpcode)reader.ReadVarU32(), ref reader);
                break;
            case Opcode.SimdPrefix:
                throw new NotSupportedException("SIMD instructions are not supported");
            default:
                break;
        }
    }

    /// <summary>Skips the immediates of a 0xFC-prefixed instruction whose sub-opcode was read.</summary>
    public static void SkipMiscImmediates(MiscOpcode op, ref CodeReader reader)
    {
        switch (op)
        {
            case MiscOpcode.MemoryInit or MiscOpcode.TableInit or MiscOpcode.TableCopy or MiscOpcode.MemoryCopy:
                reader.ReadVarU32();
                reader.ReadVarU32();
                break;
            case MiscOpcode.DataDrop or MiscOpcode.ElemDrop or MiscOpcode.MemoryFill or MiscOpcode.TableGrow
                or MiscOpcode.TableSize or MiscOpcode.TableFill:
                reader.ReadVarU32();
                break;
            default:
                break;
        }
    }
}
