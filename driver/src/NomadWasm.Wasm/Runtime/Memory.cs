using System.Runtime.CompilerServices;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A linear memory instance (Wasm 2.0 §4.2.8). The whole possible size is reserved as address space
/// when the memory is created and pages are committed on <see cref="Grow"/>, so <see cref="Base"/>
/// never moves while the memory lives; compiled code keeps it in a local. Disposing releases the
/// reservation (the owning <see cref="Store"/> does that for memories it created, handing the
/// zeroed reservation back to the engine's pool for the next instance).
/// </summary>
public sealed unsafe class Memory : IDisposable
{
    /// <summary>Page count a memory without a declared maximum may reach off non-Unix hosts.</summary>
    private const uint FallbackUnboundedPages = 16384;

    // Read by compiled code (field names are looked up by RuntimeMethods).
    internal readonly nint Base;
    internal ulong ByteLength;

    private readonly LinearReservation _reservation;
    private readonly MemoryPool? _pool;
    private readonly uint _maxPages;
    private bool _disposed;

    /// <summary>A memory of <paramref name="type"/>'s minimum size, growable to its maximum.</summary>
    public Memory(MemoryType type)
        : this(type, null, null)
    {
    }

    internal Memory(MemoryType type, uint? capPages, MemoryPool? pool)
    {
        Type = type;
        var max = Math.Min(type.Limits.Max ?? MemoryType.MaxPages, MemoryType.MaxPages);
        if (capPages is { } cap)
        {
            max = Math.Min(max, Math.Max(cap, type.Limits.Min));
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && type.Limits.Max is null)
        {
            max = Math.Max(type.Limits.Min, Math.Min(max, FallbackUnboundedPages));
        }

        _maxPages = max;
        _pool = pool;
        var reservedBytes = Math.Max(1UL, max) * MemoryType.PageSize;
        _reservation = pool?.Rent(reservedBytes) ?? new LinearReservation(reservedBytes);
        Base = _reservation.Base;
        var initial = (ulong)type.Limits.Min * MemoryType.PageSize;
        if (!_reservation.EnsureCommitted(initial))
        {
            _reservation.Release();
            throw new OutOfMemoryException($"cannot commit {type.Limits.Min} pages of linear memory");
        }

        ByteLength = initial;
    }

    ~Memory() => Release();

    /// <summary>The type the memory was created with.</summary>
    public MemoryType Type { get; }

    /// <summary>Current size in 64 KiB pages.</summary>
    public uint PageCount => (uint)(ByteLength / MemoryType.PageSize);

    /// <summary>Current size in bytes.</summary>
    public long Length => (long)ByteLength;

    /// <summary>The most pages <see cref="Grow"/> may reach (declared maximum, store cap).</summary>
    public uint MaximumPages => _maxPages;

    /// <summary>The whole memory (at most <see cref="int.MaxValue"/> bytes of it).</summary>
    // Safety: [Base, Base + ByteLength) is committed and stays mapped until Dispose.
    public Span<byte> Span => new((void*)Base, (int)Math.Min(ByteLength, int.MaxValue));

    /// <summary>Bytes [address, address+length); traps with MemoryOutOfBounds if outside the memory.</summary>
    public Span<byte> GetSpan(uint address, uint length)
    {
        if (!TryGetSpan(address, length, out var span))
        {
            throw new TrapException(TrapKind.MemoryOutOfBounds);
        }

        return span;
    }

    /// <summary>Like <see cref="GetSpan"/>, but returns false instead of trapping.</summary>
    public bool TryGetSpan(uint address, uint length, out Span<byte> span)
    {
        if ((ulong)address + length > ByteLength || length > int.MaxValue)
        {
            span = default;
            return false;
        }

        // Safety: the range was checked against the committed length just above.
        span = new Span<byte>((void*)(Base + (nint)address), (int)length);
        return true;
    }

    /// <summary>Grows by <paramref name="deltaPages"/>; returns the old page count or -1 (Wasm 2.0 §4.4.7.10).</summary>
    public int Grow(uint deltaPages)
    {
        var old = PageCount;
        if (deltaPages == 0)
        {
            return (int)old;
        }

        var target = (ulong)old + deltaPages;
        if (target > _maxPages || _disposed)
        {
            return -1;
        }

        var newBytes = target * MemoryType.PageSize;
        if (!_reservation.EnsureCommitted(newBytes))
        {
            return -1;
        }

        ByteLength = newBytes;
        return (int)old;
    }

    /// <summary>Releases the address space. Later accesses trap as out of bounds.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="address"/>; the caller has checked bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void WriteUnchecked(ulong address, ReadOnlySpan<byte> source) =>
        // Safety: callers check address + source.Length <= ByteLength first.
        source.CopyTo(new Span<byte>((void*)(Base + (nint)address), source.Length));

    private void Release()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _reservation.HighWater = Math.Max(_reservation.HighWater, ByteLength);
        ByteLength = 0;
        if (_pool is not null)
        {
            _pool.Return(_reservation);
        }
        else
        {
            _reservation.Release();
        }
    }
}
