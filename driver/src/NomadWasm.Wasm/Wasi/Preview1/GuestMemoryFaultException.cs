namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// A guest pointer passed to a WASI function is out of bounds or misaligned. wasmtime traps in
/// both cases (its <c>From&lt;GuestError&gt;</c> for p1 follows witx-docs.md "Pointers": "If an
/// out-of-bounds pointer is passed to a function and the function needs to dereference it, the
/// function shall trap"), so <see cref="WasiPreview1"/> turns this into the runtime's trap.
/// </summary>
internal sealed class GuestMemoryFaultException : Exception
{
    public GuestMemoryFaultException(string message, uint address, uint length)
        : base(message)
    {
        Address = address;
        Length = length;
    }

    public GuestMemoryFaultException()
    {
    }

    public GuestMemoryFaultException(string message)
        : base(message)
    {
    }

    public GuestMemoryFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public uint Address { get; }

    public uint Length { get; }

    /// <summary>True when the pointer was in bounds but not aligned for its type.</summary>
    public bool Misaligned { get; init; }
}
