using System.Diagnostics;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary><c>clock_res_get</c> / <c>clock_time_get</c> (wasi_snapshot_preview1.witx).</summary>
internal static class Clock
{
    private static readonly long ProcessStart = Stopwatch.GetTimestamp();

    /// <summary>
    /// <c>clock_res_get(id: clockid) -> timestamp</c>: the resolution in nanoseconds.
    /// <code>resolution_out: [u64 ns]</code>
    /// </summary>
    public static Errno ResGet(GuestMemory memory, uint id, uint resolutionOut)
    {
        ulong resolution;
        switch ((ClockId)id)
        {
            case ClockId.Realtime:
                resolution = 1_000; // DateTime.UtcNow ticks are 100 ns; clock_gettime gives 1 µs or better.
                break;
            case ClockId.Monotonic:
                resolution = Math.Max(1UL, (ulong)(1_000_000_000.0 / Stopwatch.Frequency));
                break;
            case ClockId.ProcessCputime:
            case ClockId.ThreadCputime:
                resolution = 1_000;
                break;
            default:
                return Errno.Inval;
        }

        memory.WriteU64(resolutionOut, resolution);
        return Errno.Success;
    }

    /// <summary>
    /// <c>clock_time_get(id: clockid, precision: timestamp) -> timestamp</c>: nanoseconds since the
    /// clock's epoch (realtime: 1970-01-01 UTC; monotonic: an arbitrary fixed point; cputime: CPU
    /// time used by the process, or the calling thread).
    /// <code>time_out: [u64 ns]</code>
    /// </summary>
    public static Errno TimeGet(GuestMemory memory, uint id, ulong precision, uint timeOut)
    {
        _ = precision; // A hint only (witx: "maximum lag"); every clock here is read exactly.
        if (!TryNow((ClockId)id, out var now))
        {
            return Errno.Inval;
        }

        memory.WriteU64(timeOut, now);
        return Errno.Success;
    }

    internal static bool TryNow(ClockId id, out ulong nanoseconds)
    {
        switch (id)
        {
            case ClockId.Realtime:
                nanoseconds = (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100UL;
                return true;
            case ClockId.Monotonic:
                nanoseconds = MonotonicNow();
                return true;
            case ClockId.ProcessCputime:
                nanoseconds = (ulong)Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100UL;
                return true;
            case ClockId.ThreadCputime:
                // .NET has no per-thread CPU time API; the process's is an upper bound of it.
                nanoseconds = (ulong)Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100UL;
                return true;
            default:
                nanoseconds = 0;
                return false;
        }
    }

    internal static ulong MonotonicNow()
    {
        var ticks = Stopwatch.GetTimestamp() - ProcessStart;
        return (ulong)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
    }
}
