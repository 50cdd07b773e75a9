using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// Loads and stores (Wasm 2.0 §4.4.7.1-2), called from compiled code and always inlined by the JIT.
/// <c>ea</c> is the zero-extended address plus the static offset (at most 2^33, no overflow); the
/// check is one unsigned compare of <c>ea + size</c> against the memory's current length, and the
/// trap is thrown from a separate non-inlined helper. The base comes from a local the function
/// loaded once (memory never moves); the length is read from the memory each time (it can grow).
/// </summary>
internal static unsafe class MemoryOps
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Load(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<int>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 8 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 8 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<long>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Load(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<float>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Load(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 8 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 8 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<double>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Load8S(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return *(sbyte*)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Load8U(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return *(byte*)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Load16S(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<short>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Load16U(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<ushort>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load8S(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return *(sbyte*)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load8U(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return *(byte*)p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load16S(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<short>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load16U(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<ushort>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load32S(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<int>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Load32U(ulong ea, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        return Unsafe.ReadUnaligned<uint>(p);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I32Store(ulong ea, int value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I64Store(ulong ea, long value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 8 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 8 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void F32Store(ulong ea, float value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void F64Store(ulong ea, double value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 8 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 8 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I32Store8(ulong ea, int value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        *(byte*)p = (byte)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I32Store16(ulong ea, int value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, (short)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I64Store8(ulong ea, long value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 1 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 1 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        *(byte*)p = (byte)value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I64Store16(ulong ea, long value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 2 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 2 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, (short)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void I64Store32(ulong ea, long value, nint memoryBase, Memory memory, VmContext context, int function)
    {
        if (ea + 4 > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: ea + 4 <= ByteLength, and [Base, Base + ByteLength) is committed memory.
        var p = (void*)(memoryBase + (nint)ea);
        Unsafe.WriteUnaligned(p, (int)value);
    }
}
