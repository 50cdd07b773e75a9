using NomadWasm.Spin.Capabilities.Abi;

namespace NomadWasm.Spin.Tests.TestSupport;

/// <summary>A linear memory with a bump allocator that records frees, for ABI tests without an engine.</summary>
internal sealed class FakeGuestMemory : IGuestMemory
{
    private readonly byte[] _bytes;
    private uint _next;

    public FakeGuestMemory(int size = 1 << 16, uint firstFree = 1024)
    {
        _bytes = new byte[size];
        _next = firstFree;
    }

    public List<(uint Address, uint Size, uint Align)> Allocations { get; } = [];

    public List<(uint Address, uint Size, uint Align)> Frees { get; } = [];

    public Span<byte> Slice(uint address, uint length)
    {
        if ((ulong)address + length > (ulong)_bytes.Length)
        {
            throw new InvalidOperationException($"out of bounds memory access at 0x{address:x}+{length}");
        }

        return _bytes.AsSpan((int)address, (int)length);
    }

    public uint Allocate(uint size, uint align)
    {
        _next = (_next + align - 1) / align * align;
        var address = _next;
        _next += size;
        Allocations.Add((address, size, align));
        return address;
    }

    public void Free(uint address, uint size, uint align) => Frees.Add((address, size, align));

    /// <summary>Places bytes in guest memory (as the guest would) and returns their address.</summary>
    public uint Put(ReadOnlySpan<byte> bytes, uint align = 1)
    {
        var address = Allocate((uint)Math.Max(bytes.Length, 1), align);
        bytes.CopyTo(Slice(address, (uint)bytes.Length));
        return address;
    }

    public uint Put(string text) => Put(System.Text.Encoding.UTF8.GetBytes(text));

    public string String(uint address, uint length) => System.Text.Encoding.UTF8.GetString(Slice(address, length));

    public uint U32(uint address) => BitConverter.ToUInt32(Slice(address, 4));

    public byte U8(uint address) => Slice(address, 1)[0];
}
