using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A table instance (Wasm 2.0 §4.2.7): funcref elements are <see cref="Function"/> objects,
/// externref elements any object; null is <c>ref.null</c>. Shared by reference between instances.
/// </summary>
public sealed class Table
{
    /// <summary>Largest element count any table may grow to, whatever its declared maximum.</summary>
    internal const uint ImplementationLimit = 10_000_000;

    // Read by compiled code and runtime helpers; replaced (never resized in place) by Grow.
    internal object?[] Elements;

    // Lazy initialisation (see RATIONALE.md): a null slot whose LazyIndices entry is >= 0 holds
    // function LazyIndices[i] of LazyContext, created on first use. Null once materialised.
    internal int[]? LazyIndices;
    internal VmContext? LazyContext;

    public Table(TableType type, object? initial = null)
    {
        if (!type.ElementType.IsReference())
        {
            throw new ArgumentException("a table's element type must be a reference type", nameof(type));
        }

        if (type.Limits.Min > ImplementationLimit)
        {
            throw new ArgumentException($"table minimum {type.Limits.Min} exceeds the limit of {ImplementationLimit}", nameof(type));
        }

        Type = type;
        Elements = new object?[type.Limits.Min];
        if (initial is not null)
        {
            CheckElement(initial);
            Array.Fill(Elements, initial);
        }
    }

    /// <summary>The type the table was created with.</summary>
    public TableType Type { get; }

    public ValType ElementType => Type.ElementType;

    /// <summary>Current number of elements.</summary>
    public uint Size => (uint)Elements.Length;

    internal uint MaximumSize => Math.Min(Type.Limits.Max ?? uint.MaxValue, ImplementationLimit);

    /// <summary>Element <paramref name="index"/>; traps with TableOutOfBounds if past the end.</summary>
    public Value Get(uint index)
    {
        Materialize();
        var elements = Elements;
        if (index >= (uint)elements.Length)
        {
            throw new TrapException(TrapKind.TableOutOfBounds);
        }

        return Value.FromBits(ElementType, 0, elements[index]);
    }

    /// <summary>Sets element <paramref name="index"/>; traps with TableOutOfBounds if past the end.</summary>
    public void Set(uint index, Value value)
    {
        if (value.Type != ElementType)
        {
            throw new ArgumentException($"table of {ElementType.ToWatName()} cannot hold a {value.Type.ToWatName()}", nameof(value));
        }

        Materialize();
        var elements = Elements;
        if (index >= (uint)elements.Length)
        {
            throw new TrapException(TrapKind.TableOutOfBounds);
        }

        elements[index] = value.Ref;
    }

    /// <summary>Grows by <paramref name="delta"/> elements set to <paramref name="initial"/>; old size or -1.</summary>
    public int Grow(uint delta, Value initial)
    {
        if (initial.Type != ElementType)
        {
            throw new ArgumentException($"table of {ElementType.ToWatName()} cannot hold a {initial.Type.ToWatName()}", nameof(initial));
        }

        return GrowCore(delta, initial.Ref);
    }

    internal int GrowCore(uint delta, object? initial)
    {
        Materialize();
        var old = Elements;
        var target = (ulong)old.Length + delta;
        if (target > MaximumSize)
        {
            return -1;
        }

        if (delta == 0)
        {
            return old.Length;
        }

        var grown = new object?[target];
        Array.Copy(old, grown, old.Length);
        if (initial is not null)
        {
            Array.Fill(grown, initial, old.Length, (int)delta);
        }

        Elements = grown;
        return old.Length;
    }

    /// <summary>Creates every lazily initialised element now; later reads and writes see plain slots.</summary>
    internal void Materialize()
    {
        var lazy = LazyIndices;
        if (lazy is null)
        {
            return;
        }

        var elements = Elements;
        for (var i = 0; i < lazy.Length; i++)
        {
            if (lazy[i] >= 0 && elements[i] is null)
            {
                elements[i] = LazyContext!.GetFunction(lazy[i]);
            }
        }

        LazyIndices = null;
        LazyContext = null;
    }

    /// <summary>The function a null slot stands for, created now, or null if the slot is really empty.</summary>
    internal Function? MaterializeSlot(int index)
    {
        var lazy = LazyIndices;
        if (lazy is null || (uint)index >= (uint)lazy.Length || lazy[index] < 0)
        {
            return null;
        }

        var function = LazyContext!.GetFunction(lazy[index]);
        Elements[index] = function;
        lazy[index] = -1;
        return function;
    }

    private void CheckElement(object element)
    {
        if (ElementType == ValType.FuncRef && element is not Function)
        {
            throw new ArgumentException("a funcref table holds Function objects", nameof(element));
        }
    }
}
