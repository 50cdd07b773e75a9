using System.Collections.Concurrent;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Keeps released linear-memory reservations for reuse, so instantiating does not map, protect
/// and fault in fresh pages every time (syscalls and page faults dominate instantiation cost
/// otherwise). A returned reservation is zeroed up to its high-water mark: small ones with a
/// memset (pages stay resident), big ones with madvise(DONTNEED). Bounded per size.
/// </summary>
internal sealed class MemoryPool
{
    /// <summary>Reservations kept per reservation size.</summary>
    private const int MaxPerSize = 64;

    /// <summary>Above this many used bytes, zeroing is left to the kernel.</summary>
    private const ulong ClearLimit = 1 << 20;

    private readonly ConcurrentDictionary<ulong, ConcurrentBag<LinearReservation>> _free = new();

    public LinearReservation Rent(ulong reservedBytes) =>
        _free.TryGetValue(reservedBytes, out var bag) && bag.TryTake(out var reservation)
            ? reservation
            : new LinearReservation(reservedBytes);

    public void Return(LinearReservation reservation)
    {
        var bag = _free.GetOrAdd(reservation.ReservedBytes, _ => []);
        if (bag.Count >= MaxPerSize)
        {
            reservation.Release();
            return;
        }

        var used = Math.Min(reservation.HighWater, reservation.CommittedBytes);
        if (used <= ClearLimit)
        {
            unsafe
            {
                // Safety: [Base, Base + used) is committed and nobody uses the reservation now.
                new Span<byte>((void*)reservation.Base, (int)used).Clear();
            }
        }
        else
        {
            LinearMemoryNative.Discard(reservation.Base, reservation.CommittedBytes);
        }

        reservation.HighWater = 0;
        bag.Add(reservation);
    }
}
