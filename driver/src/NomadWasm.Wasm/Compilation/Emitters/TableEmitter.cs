using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>Table and reference instructions (Wasm 2.0 §4.4.2, §4.4.6).</summary>
internal static class TableEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case Opcode.RefNull:
                var type = (ValType)reader.ReadByte();
                il.Emit(OpCodes.Ldnull);
                c.Push(type);
                return true;
            case Opcode.RefIsNull:
                c.Pop();
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Ceq);
                c.Push(ValType.I32);
                return true;
            case Opcode.RefFunc:
                c.EmitLoadContext();
                IlHelpers.EmitLoadInt(il, (int)reader.ReadVarU32());
                il.Emit(OpCodes.Call, RuntimeMethods.RefFunc);
                c.Push(ValType.FuncRef);
                return true;
            case Opcode.TableGet:
                var getTable = (int)reader.ReadVarU32();
                c.Pop();
                LoadTable(c, getTable);
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                Call(c, nameof(TableOps.Get));
                c.Push(ElementType(c, getTable));
                return true;
            case Opcode.TableSet:
                var setTable = (int)reader.ReadVarU32();
                c.Pop(2);
                LoadTable(c, setTable);
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                Call(c, nameof(TableOps.Set));
                return true;
            default:
                return false;
        }
    }

    public static bool EmitMisc(FunctionCompiler c, MiscOpcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case MiscOpcode.TableInit:
                var segment = (int)reader.ReadVarU32();
                var initTable = (int)reader.ReadVarU32();
                c.Pop(3);
                LoadTable(c, initTable);
                c.EmitLoadContext();
                IlHelpers.EmitLoadInt(il, segment);
                c.EmitLoadFunctionIndex();
                Call(c, nameof(TableOps.Init));
                return true;
            case MiscOpcode.ElemDrop:
                c.EmitLoadContext();
                IlHelpers.EmitLoadInt(il, (int)reader.ReadVarU32());
                Call(c, nameof(TableOps.ElemDrop));
                return true;
            case MiscOpcode.TableCopy:
                var target = (int)reader.ReadVarU32();
                var source = (int)reader.ReadVarU32();
                c.Pop(3);
                LoadTable(c, target);
                LoadTable(c, source);
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                Call(c, nameof(TableOps.Copy));
                return true;
            case MiscOpcode.TableGrow:
                var growTable = (int)reader.ReadVarU32();
                c.Pop(2);
                LoadTable(c, growTable);
                Call(c, nameof(TableOps.Grow));
                c.Push(ValType.I32);
                return true;
            case MiscOpcode.TableSize:
                LoadTable(c, (int)reader.ReadVarU32());
                Call(c, nameof(TableOps.Size));
                c.Push(ValType.I32);
                return true;
            case MiscOpcode.TableFill:
                var fillTable = (int)reader.ReadVarU32();
                c.Pop(3);
                LoadTable(c, fillTable);
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                Call(c, nameof(TableOps.Fill));
                return true;
            default:
                return false;
        }
    }

    private static void LoadTable(FunctionCompiler c, int index)
    {
        c.EmitLoadContext();
        c.IL.Emit(OpCodes.Ldfld, RuntimeMethods.ContextTables);
        IlHelpers.EmitLoadInt(c.IL, index);
        c.IL.Emit(OpCodes.Ldelem_Ref);
    }

    private static void Call(FunctionCompiler c, string name) =>
        c.IL.Emit(OpCodes.Call, RuntimeMethods.Support(typeof(TableOps), name));

    private static ValType ElementType(FunctionCompiler c, int tableIndex)
    {
        var module = c.Module.Module;
        if (tableIndex >= module.ImportedTableCount)
        {
            return module.Tables[tableIndex - module.ImportedTableCount].ElementType;
        }

        var n = 0;
        foreach (var import in module.Imports)
        {
            if (import.Kind == ExternKind.Table && n++ == tableIndex)
            {
                return import.Table.ElementType;
            }
        }

        return ValType.FuncRef;
    }
}
