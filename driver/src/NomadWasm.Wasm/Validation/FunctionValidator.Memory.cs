using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>Memory instructions (Wasm 2.0 §3.3.7): loads, stores, memory.size, memory.grow.</summary>
internal sealed partial class FunctionValidator
{
    private void ValidateMemory(ref CodeReader reader, Opcode op)
    {
        if (op is Opcode.MemorySize or Opcode.MemoryGrow)
        {
            InstructionSkipper.ReadZeroByte(ref reader);
            CheckMemory();
            if (op == Opcode.MemoryGrow)
            {
                Pop(ValType.I32);
            }

            Push(ValType.I32);
            return;
        }

        var (align, _) = reader.ReadMemArg();
        CheckMemory();
        var (type, naturalAlignment, isStore) = Access(op);
        if (align > naturalAlignment)
        {
            Fail(align >= 64
                ? "alignment must not be larger than natural (memory index flag: multi-memory proposal not supported)"
                : "alignment must not be larger than natural");
        }

        if (isStore)
        {
            Pop(type);
            Pop(ValType.I32);
        }
        else
        {
            Pop(ValType.I32);
            Push(type);
        }
    }

    private void CheckMemory()
    {
        if (_context.MemoryCount == 0)
        {
            Fail("unknown memory 0");
        }
    }

    /// <summary>Value type, log2 of the natural alignment, and whether it stores.</summary>
    private static (ValType Type, uint Alignment, bool IsStore) Access(Opcode op) => op switch
    {
        Opcode.I32Load => (ValType.I32, 2, false),
        Opcode.I64Load => (ValType.I64, 3, false),
        Opcode.F32Load => (ValType.F32, 2, false),
        Opcode.F64Load => (ValType.F64, 3, false),
        Opcode.I32Load8S or Opcode.I32Load8U => (ValType.I32, 0, false),
        Opcode.I32Load16S or Opcode.I32Load16U => (ValType.I32, 1, false),
        Opcode.I64Load8S or Opcode.I64Load8U => (ValType.I64, 0, false),
        Opcode.I64Load16S or Opcode.I64Load16U => (ValType.I64, 1, false),
        Opcode.I64Load32S or Opcode.I64Load32U => (ValType.I64, 2, false),
        Opcode.I32Store => (ValType.I32, 2, true),
        Opcode.I64Store => (ValType.I64, 3, true),
        Opcode.F32Store => (ValType.F32, 2, true),
        Opcode.F64Store => (ValType.F64, 3, true),
        Opcode.I32Store8 => (ValType.I32, 0, true),
        Opcode.I32Store16 => (ValType.I32, 1, true),
        Opcode.I64Store8 => (ValType.I64, 0, true),
        Opcode.I64Store16 => (ValType.I64, 1, true),
        _ => (ValType.I64, 2, true),
    };
}
