using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>Numeric instructions (Wasm 2.0 §3.3.1), including sign-extension operators.</summary>
internal sealed partial class FunctionValidator
{
    private void ValidateNumeric(ref CodeReader reader, Opcode op)
    {
        switch (op)
        {
            case Opcode.I32Const:
                reader.ReadVarS32();
                Push(ValType.I32);
                return;
            case Opcode.I64Const:
                reader.ReadVarS64();
                Push(ValType.I64);
                return;
            case Opcode.F32Const:
                reader.ReadF32Bits();
                Push(ValType.F32);
                return;
            case Opcode.F64Const:
                reader.ReadF64Bits();
                Push(ValType.F64);
                return;
        }

        var (a, b, r) = NumericSignatures.Of((byte)op);
        if (b != Unknown)
        {
            Pop(b);
        }

        Pop(a);
        Push(r);
    }
}
