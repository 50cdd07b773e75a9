using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// Operand and result types of the numeric instructions 0x45-0xC4 (Wasm 2.0 §3.3.1) and the
/// saturating truncations (0xFC 0-7), as one lookup instead of a 130-arm switch.
/// </summary>
internal static class NumericSignatures
{
    private static readonly (ValType A, ValType B, ValType R)[] Table = Build();

    /// <summary>(first operand, second operand or 0 for unary, result).</summary>
    public static (ValType A, ValType B, ValType R) Of(byte opcode) => Table[opcode];

    public static (ValType A, ValType R) OfTruncSat(uint subOpcode) => subOpcode switch
    {
        0 or 1 => (ValType.F32, ValType.I32),
        2 or 3 => (ValType.F64, ValType.I32),
        4 or 5 => (ValType.F32, ValType.I64),
        _ => (ValType.F64, ValType.I64),
    };

    private static (ValType, ValType, ValType)[] Build()
    {
        const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64, None = 0;
        var t = new (ValType, ValType, ValType)[256];
        void Set(int from, int to, ValType a, ValType b, ValType r)
        {
            for (var i = from; i <= to; i++)
            {
                t[i] = (a, b, r);
            }
        }

        Set(0x45, 0x45, I32, None, I32);
        Set(0x46, 0x4F, I32, I32, I32);
        Set(0x50, 0x50, I64, None, I32);
        Set(0x51, 0x5A, I64, I64, I32);
        Set(0x5B, 0x60, F32, F32, I32);
        Set(0x61, 0x66, F64, F64, I32);
        Set(0x67, 0x69, I32, None, I32);
        Set(0x6A, 0x78, I32, I32, I32);
        Set(0x79, 0x7B, I64, None, I64);
        Set(0x7C, 0x8A, I64, I64, I64);
        Set(0x8B, 0x91, F32, None, F32);
        Set(0x92, 0x98, F32, F32, F32);
        Set(0x99, 0x9F, F64, None, F64);
        Set(0xA0, 0xA6, F64, F64, F64);
        Set(0xA7, 0xA7, I64, None, I32);
        Set(0xA8, 0xA9, F32, None, I32);
        Set(0xAA, 0xAB, F64, None, I32);
        Set(0xAC, 0xAD, I32, None, I64);
        Set(0xAE, 0xAF, F32, None, I64);
        Set(0xB0, 0xB1, F64, None, I64);
        Set(0xB2, 0xB3, I32, None, F32);
        Set(0xB4, 0xB5, I64, None, F32);
        Set(0xB6, 0xB6, F64, None, F32);
        Set(0xB7, 0xB8, I32, None, F64);
        Set(0xB9, 0xBA, I64, None, F64);
        Set(0xBB, 0xBB, F32, None, F64);
        Set(0xBC, 0xBC, F32, None, I32);
        Set(0xBD, 0xBD, F64, None, I64);
        Set(0xBE, 0xBE, I32, None, F32);
        Set(0xBF, 0xBF, I64, None, F64);
        Set(0xC0, 0xC1, I32, None, I32);
        Set(0xC2, 0xC4, I64, None, I64);
        return t;
    }
}
