using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Calls through imports and tables (Wasm 2.0 §4.4.8.10-11). When the target is a host function,
/// both record the calling instance in <see cref="t_caller"/> so it can see its <see cref="Caller"/>.
/// When the target is a wasm function of another store, both copy the caller's stack limit into
/// that store first: compiled code checks its own store's <see cref="Store.StackLimit"/>, which is
/// set only by host-to-guest entries (<see cref="GuestCall"/>). The limit is per thread, so every
/// store running on one thread holds the same value and a copy left behind is harmless: any later
/// entry into that store sets it again before its code runs.
/// </summary>
internal static class CallOps
{
    /// <summary>The instance that last called through an import or a table on this thread.</summary>
    [ThreadStatic]
    internal static VmContext? t_caller;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Function Import(VmContext context, int functionIndex)
    {
        var target = context.Functions[functionIndex]!;
        if (target.Context.Store != context.Store)
        {
            LeaveStore(target, context);
        }

        return target;
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

        if (target.Context.Store != context.Store)
        {
            LeaveStore(target, context);
        }

        return target;
    }

    /// <summary>The target runs outside the caller's store: a host function, or another store's wasm.</summary>
    private static void LeaveStore(Function target, VmContext context)
    {
        if (target.IsHost)
        {
            t_caller = context;
        }
        else
        {
            target.Context.Store.StackLimit = context.Store.StackLimit;
        }
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
