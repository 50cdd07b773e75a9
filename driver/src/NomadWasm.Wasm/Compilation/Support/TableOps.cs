using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>Table instructions (Wasm 2.0 §4.4.6), called from compiled code.</summary>
internal static class TableOps
{
    public static object? Get(int index, Table table, VmContext context, int function)
    {
        table.Materialize();
        var elements = table.Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.TableOutOfBounds);
        }

        return elements[index];
    }

    public static void Set(int index, object? value, Table table, VmContext context, int function)
    {
        table.Materialize();
        var elements = table.Elements;
        if ((uint)index >= (uint)elements.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.TableOutOfBounds);
        }

        elements[index] = value;
    }

    public static int Size(Table table) => table.Elements.Length;

    public static int Grow(object? initial, int delta, Table table) => table.GrowCore((uint)delta, initial);

    public static void Fill(int index, object? value, int count, Table table, VmContext context, int function)
    {
        table.Materialize();
        var elements = table.Elements;
        if ((ulong)(uint)index + (uint)count > (ulong)elements.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.TableOutOfBounds);
        }

        Array.Fill(elements, value, index, count);
    }

    public static void Copy(int destination, int source, int count, Table target, Table origin, VmContext context, int function)
    {
        target.Materialize();
        origin.Materialize();
        var to = target.Elements;
        var from = origin.Elements;
        if ((ulong)(uint)destination + (uint)count > (ulong)to.Length || (ulong)(uint)source + (uint)count > (ulong)from.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.TableOutOfBounds);
        }

        Array.Copy(from, source, to, destination, count);
    }

    public static void Init(int destination, int source, int count, Table table, VmContext context, int segment, int function)
    {
        table.Materialize();
        var items = context.ElementSegments[segment];
        var elements = table.Elements;
        if ((ulong)(uint)source + (uint)count > (ulong)items.Length || (ulong)(uint)destination + (uint)count > (ulong)elements.Length)
        {
            TrapHelpers.Throw(context, function, TrapKind.TableOutOfBounds);
        }

        Array.Copy(items, source, elements, destination, count);
    }

    public static void ElemDrop(VmContext context, int segment) => context.ElementSegments[segment] = [];
}
