namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A reserved address range for one linear memory: [Base, Base + ReservedBytes) reserved,
/// [Base, Base + CommittedBytes) readable and writable. Never moves; reusable through
/// <see cref="MemoryPool"/> once zeroed.
/// </summary>
internal sealed class LinearReservation
{
    public LinearReservation(ulong reservedBytes)
    {
        ReservedBytes = reservedBytes;
        Base = LinearMemoryNative.Reserve(reservedBytes);
    }

    public nint Base { get; }

    public ulong ReservedBytes { get; }

    public ulong CommittedBytes { get; private set; }

    /// <summary>Highest byte length any user of this reservation has reached (what needs zeroing).</summary>
    public ulong HighWater { get; set; }

    public bool EnsureCommitted(ulong bytes)
    {
        if (bytes <= CommittedBytes)
        {
            return true;
        }

        if (bytes > ReservedBytes || !LinearMemoryNative.Commit(Base, CommittedBytes, bytes - CommittedBytes))
        {
            return false;
        }

        CommittedBytes = bytes;
        return true;
    }

    public void Release() => LinearMemoryNative.Release(Base, ReservedBytes);
}
