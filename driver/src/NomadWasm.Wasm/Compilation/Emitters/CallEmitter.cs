using System.Reflection;
using System.Reflection.Emit;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// call and call_indirect (Wasm 2.0 §4.4.8.10-11). A defined function is an IL <c>call</c>; an
/// import or a table entry is a <c>calli</c> on the target <see cref="Runtime.Function"/>'s code
/// pointer with its own context. Results after the first come back through byref temporaries.
/// </summary>
internal static class CallEmitter
{
    public static void EmitCall(FunctionCompiler c, int functionIndex)
    {
        var type = c.Module.FunctionTypes[functionIndex];
        c.Pop(type.Parameters.Count);
        var extra = PushResultAddresses(c, type);
        var imported = c.Module.Module.ImportedFunctionCount;
        if (functionIndex < imported)
        {
            c.EmitLoadContext();
            IlHelpers.EmitLoadInt(c.IL, functionIndex);
            c.IL.Emit(OpCodes.Call, RuntimeMethods.CallImport);
            EmitCalli(c, type);
        }
        else
        {
            c.EmitLoadContext();
            c.IL.Emit(OpCodes.Call, c.Module.Methods[functionIndex - imported]);
        }

        PushResults(c, type, extra);
    }

    public static void EmitCallIndirect(FunctionCompiler c, int typeIndex, int tableIndex)
    {
        var type = c.Module.Module.Types[typeIndex];
        var il = c.IL;
        c.Pop();
        var index = c.RentTemp(typeof(int));
        il.Emit(OpCodes.Stloc, index);
        c.Pop(type.Parameters.Count);
        var extra = PushResultAddresses(c, type);
        c.EmitLoadContext();
        IlHelpers.EmitLoadInt(il, tableIndex);
        il.Emit(OpCodes.Ldloc, index);
        IlHelpers.EmitLoadInt(il, c.Module.TypeIds[typeIndex]);
        c.EmitLoadFunctionIndex();
        il.Emit(OpCodes.Call, RuntimeMethods.CallIndirect);
        c.ReturnTemp(index);
        EmitCalli(c, type);
        PushResults(c, type, extra);
    }

    /// <summary>With a Function on top of the stack: calls its code with its context.</summary>
    private static void EmitCalli(FunctionCompiler c, FuncType type)
    {
        var il = c.IL;
        var target = c.RentTemp(typeof(Runtime.Function));
        il.Emit(OpCodes.Stloc, target);
        il.Emit(OpCodes.Ldloc, target);
        il.Emit(OpCodes.Ldfld, RuntimeMethods.FunctionContext);
        il.Emit(OpCodes.Ldloc, target);
        il.Emit(OpCodes.Ldfld, RuntimeMethods.FunctionCode);
        c.ReturnTemp(target);
        il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, ClrTypes.ReturnType(type), ClrTypes.ParameterTypes(type), null);
    }

    private static LocalBuilder[] PushResultAddresses(FunctionCompiler c, FuncType type)
    {
        var extra = new LocalBuilder[Math.Max(0, type.Results.Count - 1)];
        for (var i = 0; i < extra.Length; i++)
        {
            extra[i] = c.RentTemp(type.Results[i + 1]);
            c.IL.Emit(OpCodes.Ldloca, extra[i]);
        }

        return extra;
    }

    private static void PushResults(FunctionCompiler c, FuncType type, LocalBuilder[] extra)
    {
        if (type.Results.Count > 0)
        {
            c.Push(type.Results[0]);
        }

        for (var i = 0; i < extra.Length; i++)
        {
            c.IL.Emit(OpCodes.Ldloc, extra[i]);
            c.Push(type.Results[i + 1]);
            c.ReturnTemp(extra[i]);
        }
    }
}
