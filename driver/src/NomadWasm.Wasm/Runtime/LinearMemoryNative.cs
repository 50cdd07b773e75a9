using System.Runtime.InteropServices;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Address-space reservation for linear memory: reserve once (PROT_NONE), commit on grow
/// (PROT_READ|PROT_WRITE), so the base address never moves. On Unix this is mmap/mprotect through
/// libc; elsewhere it falls back to one zeroed native allocation of the whole reservation.
/// </summary>
internal static unsafe partial class LinearMemoryNative
{
    private const int ProtNone = 0;
    private const int ProtReadWrite = 1 | 2;
    private const int MapPrivate = 0x02;

    private static readonly bool UseMmap = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    private static int MapAnonymousNoReserve => OperatingSystem.IsLinux() ? 0x20 | 0x4000 : 0x1000 | 0x40;

    /// <summary>Reserves <paramref name="bytes"/> of address space, none of it accessible yet.</summary>
    public static nint Reserve(ulong bytes)
    {
        if (UseMmap)
        {
            var p = mmap(0, (nuint)bytes, ProtNone, MapPrivate | MapAnonymousNoReserve, -1, 0);
            if (p == -1 || p == 0)
            {
                throw new OutOfMemoryException($"cannot reserve {bytes} bytes of address space for linear memory (errno {Marshal.GetLastPInvokeError()})");
            }

            return p;
        }

        return (nint)NativeMemory.AllocZeroed((nuint)bytes);
    }

    /// <summary>Makes [offset, offset+bytes) of a reservation readable and writable (zero-filled).</summary>
    public static bool Commit(nint reservation, ulong offset, ulong bytes)
    {
        if (!UseMmap || bytes == 0)
        {
            return true;
        }

        return mprotect(reservation + (nint)offset, (nuint)bytes, ProtReadWrite) == 0;
    }

    public static void Release(nint reservation, ulong bytes)
    {
        if (reservation == 0)
        {
            return;
        }

        if (UseMmap)
        {
            _ = munmap(reservation, (nuint)bytes);
        }
        else
        {
            NativeMemory.Free((void*)reservation);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint addr, nuint length, int prot);

    /// <summary>Gives committed pages back to the OS; they read as zero when touched again.</summary>
    public static void Discard(nint address, ulong bytes)
    {
        if (UseMmap && bytes > 0)
        {
            const int MadvDontNeed = 4;
            if (madvise(address, (nuint)bytes, MadvDontNeed) == 0)
            {
                return;
            }
        }

        // Safety: the caller owns [address, address + bytes) and it is committed.
        new Span<byte>((void*)address, checked((int)bytes)).Clear();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int madvise(nint addr, nuint length, int advice);
}
