namespace NomadWasm.Spin.Capabilities.Abi;

/// <summary>
/// A guest instance's linear memory plus its canonical-ABI allocator exports
/// (<c>canonical_abi_realloc</c> / <c>canonical_abi_free</c> for old wit-bindgen 0.2 modules).
/// Host functions and executors lower and lift values through this.
/// </summary>
internal interface IGuestMemory
{
    /// <summary>
    /// The bytes at <paramref name="address"/>..+<paramref name="length"/>; throws a trap
    /// ("out of bounds memory access") when the range leaves memory.
    /// </summary>
    Span<byte> Slice(uint address, uint length);

    /// <summary>Allocates <paramref name="size"/> bytes aligned to <paramref name="align"/> in the guest.</summary>
    uint Allocate(uint size, uint align);

    /// <summary>Returns a buffer the guest handed to the host.</summary>
    void Free(uint address, uint size, uint align);
}
