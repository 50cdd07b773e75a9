using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Bounds- and alignment-checked little-endian access to a guest's linear memory 0 for the
/// duration of one host call (a host function cannot grow memory, so the span stays valid).
/// Out-of-bounds and misaligned pointers throw <see cref="GuestMemoryFaultException"/>, which the
/// binding turns into a trap, as wasmtime does.
/// </summary>
internal readonly ref struct GuestMemory
{
    private readonly Span<byte> _bytes;

    public GuestMemory(Span<byte> bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    /// <summary>The bytes [address, address + length).</summary>
    public Span<byte> Slice(uint address, uint length)
    {
        if ((ulong)address + length > (ulong)_bytes.Length)
        {
            ThrowOutOfBounds(address, length);
        }

        return _bytes.Slice((int)address, (int)length);
    }

    public byte ReadU8(uint address) => Slice(address, 1)[0];

    public ushort ReadU16(uint address) => BinaryPrimitives.ReadUInt16LittleEndian(Aligned(address, 2));

    public uint ReadU32(uint address) => BinaryPrimitives.ReadUInt32LittleEndian(Aligned(address, 4));

    public ulong ReadU64(uint address) => BinaryPrimitives.ReadUInt64LittleEndian(Aligned(address, 8));

    public void WriteU8(uint address, byte value) => Slice(address, 1)[0] = value;

    public void WriteU16(uint address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Aligned(address, 2), value);

    public void WriteU32(uint address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Aligned(address, 4), value);

    public void WriteU64(uint address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Aligned(address, 8), value);

    /// <summary>
    /// A struct of <paramref name="size"/> bytes aligned to <paramref name="alignment"/>, checked once
    /// so that the caller can fill it with unchecked writes.
    /// </summary>
    public Span<byte> Struct(uint address, uint size, uint alignment)
    {
        if ((address & (alignment - 1)) != 0)
        {
            ThrowMisaligned(address, size);
        }

        return Slice(address, size);
    }

    /// <summary>Reads a path or other string argument; invalid UTF-8 is <see cref="Errno.Ilseq"/>.</summary>
    public Errno ReadString(uint address, uint length, out string value)
    {
        var bytes = Slice(address, length);
        try
        {
            value = Utf8Strict.GetString(bytes);
            return Errno.Success;
        }
        catch (DecoderFallbackException)
        {
            // Converted to the errno wasmtime returns for a non-UTF-8 string (GuestError::InvalidUtf8).
            value = string.Empty;
            return Errno.Ilseq;
        }
    }

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Aligned(uint address, uint size)
    {
        if ((address & (size - 1)) != 0)
        {
            ThrowMisaligned(address, size);
        }

        return Slice(address, size);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfBounds(uint address, uint length) =>
        throw new GuestMemoryFaultException("out of bounds memory access", address, length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMisaligned(uint address, uint size) =>
        throw new GuestMemoryFaultException($"misaligned pointer 0x{address:x} for a {size}-byte value", address, size) { Misaligned = true };
}
