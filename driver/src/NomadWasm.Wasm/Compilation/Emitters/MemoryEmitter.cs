using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// Memory instructions (Wasm 2.0 §4.4.7). Loads and stores call the always-inlined
/// <see cref="MemoryOps"/> helpers with the effective address (zero-extended address plus static
/// offset, as a 64-bit value), the base local and the memory (for its current length).
/// </summary>
internal static class MemoryEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case Opcode.MemorySize:
                reader.ReadVarU32();
                il.Emit(OpCodes.Ldloc, c.MemoryLocal!);
                il.Emit(OpCodes.Ldfld, RuntimeMethods.MemoryByteLength);
                il.Emit(OpCodes.Ldc_I4, 16);
                il.Emit(OpCodes.Shr_Un);
                il.Emit(OpCodes.Conv_I4);
                c.Push(ValType.I32);
                return true;
            case Opcode.MemoryGrow:
                reader.ReadVarU32();
                il.Emit(OpCodes.Ldloc, c.MemoryLocal!);
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(BulkMemoryOps), nameof(BulkMemoryOps.Grow)));
                return true;
            case >= Opcode.I32Load and <= Opcode.I64Load32U:
                EmitLoad(c, op, reader.ReadMemArg().Offset);
                return true;
            case >= Opcode.I32Store and <= Opcode.I64Store32:
                EmitStore(c, op, reader.ReadMemArg().Offset);
                return true;
            default:
                return false;
        }
    }

    public static bool EmitBulk(FunctionCompiler c, MiscOpcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case MiscOpcode.MemoryInit:
                var segment = (int)reader.ReadVarU32();
                reader.ReadVarU32();
                c.Pop(3);
                il.Emit(OpCodes.Ldloc, c.MemoryLocal!);
                c.EmitLoadContext();
                IlHelpers.EmitLoadInt(il, segment);
                c.EmitLoadFunctionIndex();
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(BulkMemoryOps), nameof(BulkMemoryOps.Init)));
                return true;
            case MiscOpcode.DataDrop:
                c.EmitLoadContext();
                IlHelpers.EmitLoadInt(il, (int)reader.ReadVarU32());
                il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(BulkMemoryOps), nameof(BulkMemoryOps.DataDrop)));
                return true;
            case MiscOpcode.MemoryCopy or MiscOpcode.MemoryFill:
                reader.ReadVarU32();
                if (op == MiscOpcode.MemoryCopy)
                {
                    reader.ReadVarU32();
                }

                c.Pop(3);
                il.Emit(OpCodes.Ldloc, c.MemoryLocal!);
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                il.Emit(OpCodes.Call, RuntimeMethods.Support(
                    typeof(BulkMemoryOps),
                    op == MiscOpcode.MemoryCopy ? nameof(BulkMemoryOps.Copy) : nameof(BulkMemoryOps.Fill)));
                return true;
            default:
                return false;
        }
    }

    private static void EmitLoad(FunctionCompiler c, Opcode op, uint offset)
    {
        c.Pop();
        EmitEffectiveAddress(c, offset);
        EmitTail(c, op.ToString());
        c.Push(op switch
        {
            Opcode.I32Load or Opcode.I32Load8S or Opcode.I32Load8U or Opcode.I32Load16S or Opcode.I32Load16U => ValType.I32,
            Opcode.F32Load => ValType.F32,
            Opcode.F64Load => ValType.F64,
            _ => ValType.I64,
        });
    }

    private static void EmitStore(FunctionCompiler c, Opcode op, uint offset)
    {
        var il = c.IL;
        var type = c.Pop();
        c.Pop();
        var value = c.RentTemp(type);
        il.Emit(OpCodes.Stloc, value);
        EmitEffectiveAddress(c, offset);
        il.Emit(OpCodes.Ldloc, value);
        c.ReturnTemp(value);
        EmitTail(c, op.ToString());
    }

    private static void EmitEffectiveAddress(FunctionCompiler c, uint offset)
    {
        var il = c.IL;
        il.Emit(OpCodes.Conv_U8);
        if (offset != 0)
        {
            il.Emit(OpCodes.Ldc_I8, (long)offset);
            il.Emit(OpCodes.Add);
        }
    }

    private static void EmitTail(FunctionCompiler c, string helper)
    {
        var il = c.IL;
        il.Emit(OpCodes.Ldloc, c.BaseLocal!);
        il.Emit(OpCodes.Ldloc, c.MemoryLocal!);
        c.EmitLoadContext();
        c.EmitLoadFunctionIndex();
        il.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(MemoryOps), helper));
    }
}
