using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Calls through imports and tables (Wasm 2.0 §4.4.8.10-11). Both record the calling instance in
/// <see cref="t_caller"/> so a host function reached this way can see its <see cref="Caller"/>.
/// </summary>
internal static class CallOps
{
    /// <summary>The instance that last called through an import or a table on this thread.</summary>
    [ThreadStatic]
    internal static VmContext? t_caller;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Function Import(VmContext context, int functionIndex)
    {
        t_caller = context;
        return context.Functions[functionIndex]!;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Function Indirect(VmContext context, int tableIndex, int index, int typeId, int function)
    {
        var table = context.Tables[tableIndex];
        var elements = table.Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.UndefinedElement);
        }

        var target = Unsafe.As<Function?>(elements[index]) ?? Uninitialized(table, index, context, function);

        if (target.TypeId != typeId)
        {
            TrapHelpers.Throw(context, function, TrapKind.IndirectCallTypeMismatch);
        }

        t_caller = context;
        return target;
    }

    /// <summary>A null slot: a lazily initialised function, or the "uninitialized element" trap.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Function Uninitialized(Table table, int index, VmContext context, int function)
    {
        var target = table.MaterializeSlot(index);
        if (target is null)
        {
            TrapHelpers.Throw(context, function, TrapKind.UninitializedElement);
        }

        return target;
    }

    public static object RefFunc(VmContext context, int functionIndex) => context.GetFunction(functionIndex);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckInterrupt(Store store, VmContext context, int function)
    {
        if (store.InterruptRequested != 0)
        {
            TrapHelpers.Interrupted(context, function);
        }
    }
}
