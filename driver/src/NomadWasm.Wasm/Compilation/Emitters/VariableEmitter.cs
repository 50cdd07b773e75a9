using System.Reflection.Emit;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// local.* and global.* (Wasm 2.0 §4.4.5). Parameters are IL arguments, locals IL locals. A global
/// is a shared <see cref="Runtime.Global"/> cell whose object the prologue caches in a local; an
/// immutable defined global with a constant initializer is emitted as that constant.
/// </summary>
internal static class VariableEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var index = (int)reader.ReadVarU32();
        switch (op)
        {
            case Opcode.LocalGet:
                LoadLocal(c, index);
                c.Push(c.LocalType(index));
                return true;
            case Opcode.LocalSet:
                c.Pop();
                StoreLocal(c, index);
                return true;
            case Opcode.LocalTee:
                c.IL.Emit(OpCodes.Dup);
                StoreLocal(c, index);
                return true;
            case Opcode.GlobalGet:
                EmitGlobalGet(c, index);
                return true;
            case Opcode.GlobalSet:
                EmitGlobalSet(c, index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>True if global <paramref name="index"/> is immutable, defined here, and initialised by a single constant.</summary>
    public static bool IsConstantGlobal(FunctionCompiler c, int index, out ConstantInit constant)
    {
        constant = default;
        var module = c.Module.Module;
        var defined = index - module.ImportedGlobalCount;
        if (defined < 0 || module.Globals[defined].Type.Mutable)
        {
            return false;
        }

        return ConstantInit.TryRead(module.Globals[defined].Init, out constant);
    }

    private static void LoadLocal(FunctionCompiler c, int index)
    {
        var local = c.Local(index);
        if (local is null)
        {
            c.IL.Emit(OpCodes.Ldarg, (short)index);
        }
        else
        {
            c.IL.Emit(OpCodes.Ldloc, local);
        }
    }

    private static void StoreLocal(FunctionCompiler c, int index)
    {
        var local = c.Local(index);
        if (local is null)
        {
            c.IL.Emit(OpCodes.Starg, (short)index);
        }
        else
        {
            c.IL.Emit(OpCodes.Stloc, local);
        }
    }

    private static void EmitGlobalGet(FunctionCompiler c, int index)
    {
        var il = c.IL;
        var type = c.Module.GlobalTypes[index].Type;
        c.Push(type);
        if (IsConstantGlobal(c, index, out var constant))
        {
            constant.Emit(il);
            return;
        }

        il.Emit(OpCodes.Ldloc, c.GlobalLocal(index));
        if (type.IsReference())
        {
            il.Emit(OpCodes.Ldfld, RuntimeMethods.GlobalRef);
            return;
        }

        il.Emit(OpCodes.Ldfld, RuntimeMethods.GlobalBits);
        switch (type)
        {
            case ValType.I32:
                il.Emit(OpCodes.Conv_I4);
                break;
            case ValType.F32:
                il.Emit(OpCodes.Conv_I4);
                il.Emit(OpCodes.Call, RuntimeMethods.Int32BitsToSingle);
                break;
            case ValType.F64:
                il.Emit(OpCodes.Call, RuntimeMethods.Int64BitsToDouble);
                break;
            default:
                break;
        }
    }

    private static void EmitGlobalSet(FunctionCompiler c, int index)
    {
        var il = c.IL;
        var type = c.Pop();
        var value = c.RentTemp(type);
        il.Emit(OpCodes.Stloc, value);
        il.Emit(OpCodes.Ldloc, c.GlobalLocal(index));
        il.Emit(OpCodes.Ldloc, value);
        c.ReturnTemp(value);
        if (type.IsReference())
        {
            il.Emit(OpCodes.Stfld, RuntimeMethods.GlobalRef);
            return;
        }

        switch (type)
        {
            case ValType.I32:
                il.Emit(OpCodes.Conv_I8);
                break;
            case ValType.F32:
                il.Emit(OpCodes.Call, RuntimeMethods.SingleToInt32Bits);
                il.Emit(OpCodes.Conv_U8);
                break;
            case ValType.F64:
                il.Emit(OpCodes.Call, RuntimeMethods.DoubleToInt64Bits);
                break;
            default:
                break;
        }

        il.Emit(OpCodes.Stfld, RuntimeMethods.GlobalBits);
    }
}
