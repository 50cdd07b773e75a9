using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Compilation.Support;

/// <summary>
/// memory.size/grow and the bulk memory instructions (Wasm 2.0 §4.4.7.3-9). Each checks the
/// whole range before writing anything; a zero-length access exactly at the end is allowed.
/// </summary>
internal static unsafe class BulkMemoryOps
{
    public static int Grow(int deltaPages, Memory memory) => memory.Grow((uint)deltaPages);

    public static void Fill(int destination, int value, int count, Memory memory, VmContext context, int function)
    {
        if ((ulong)(uint)destination + (uint)count > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: the range was checked against the committed length just above.
        new Span<byte>((void*)(memory.Base + (nint)(uint)destination), count).Fill((byte)value);
    }

    public static void Copy(int destination, int source, int count, Memory memory, VmContext context, int function)
    {
        var length = memory.ByteLength;
        if ((ulong)(uint)destination + (uint)count > length || (ulong)(uint)source + (uint)count > length)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        // Safety: both ranges were checked against the committed length; Buffer.MemoryCopy handles overlap.
        Buffer.MemoryCopy((void*)(memory.Base + (nint)(uint)source), (void*)(memory.Base + (nint)(uint)destination), (long)length, (uint)count);
    }

    public static void Init(int destination, int source, int count, Memory memory, VmContext context, int segment, int function)
    {
        var data = context.DataSegments[segment].Span;
        if ((ulong)(uint)source + (uint)count > (ulong)data.Length || (ulong)(uint)destination + (uint)count > memory.ByteLength)
        {
            TrapHelpers.Throw(context, function, TrapKind.MemoryOutOfBounds);
        }

        memory.WriteUnchecked((uint)destination, data.Slice(source, count));
    }

    public static void DataDrop(VmContext context, int segment) => context.DataSegments[segment] = ReadOnlyMemory<byte>.Empty;
}
