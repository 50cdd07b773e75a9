using System.Reflection.Emit;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation;

/// <summary>Small IL idioms shared by the emitters.</summary>
internal static class IlHelpers
{
    /// <summary>Stores the value on top of the stack through the address below it.</summary>
    public static void EmitStoreIndirect(ILGenerator il, ValType type) => il.Emit(type switch
    {
        ValType.I32 => OpCodes.Stind_I4,
        ValType.I64 => OpCodes.Stind_I8,
        ValType.F32 => OpCodes.Stind_R4,
        ValType.F64 => OpCodes.Stind_R8,
        _ => OpCodes.Stind_Ref,
    });

    public static void EmitLoadInt(ILGenerator il, int value)
    {
        switch (value)
        {
            case >= -1 and <= 8:
                il.Emit(value switch
                {
                    -1 => OpCodes.Ldc_I4_M1,
                    0 => OpCodes.Ldc_I4_0,
                    1 => OpCodes.Ldc_I4_1,
                    2 => OpCodes.Ldc_I4_2,
                    3 => OpCodes.Ldc_I4_3,
                    4 => OpCodes.Ldc_I4_4,
                    5 => OpCodes.Ldc_I4_5,
                    6 => OpCodes.Ldc_I4_6,
                    7 => OpCodes.Ldc_I4_7,
                    _ => OpCodes.Ldc_I4_8,
                });
                break;
            case >= sbyte.MinValue and <= sbyte.MaxValue:
                il.Emit(OpCodes.Ldc_I4_S, (sbyte)value);
                break;
            default:
                il.Emit(OpCodes.Ldc_I4, value);
                break;
        }
    }
}
