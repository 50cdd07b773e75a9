using System.Buffers.Binary;
using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary><c>poll_oneoff</c> (wasi_snapshot_preview1.witx).</summary>
internal static class Poll
{
    /// <summary>
    /// <c>poll_oneoff(in: ConstPointer&lt;subscription&gt;, out: Pointer&lt;event&gt;, nsubscriptions) -> size</c>.
    /// fd_read/fd_write subscriptions on stdio and files are always ready (they never block here),
    /// so they are reported at once; otherwise the call sleeps until the earliest clock
    /// subscription (relative, or absolute with SUBSCRIPTION_CLOCK_ABSTIME on realtime/monotonic)
    /// and reports every clock that has expired. nsubscriptions = 0 is EINVAL (as wasmtime).
    /// <code>
    /// in:  subscription × n, 48 bytes each (<see cref="Layouts.SubscriptionSize"/>)
    /// out: event × nevents, 32 bytes each (<see cref="Layouts.EventSize"/>)   nevents_out: [u32]
    /// </code>
    /// </summary>
    public static Errno OneOff(WasiContext ctx, GuestMemory memory, uint subscriptions, uint events, uint count, uint neventsOut)
    {
        memory.Struct(neventsOut, 4, 4);
        if (count == 0)
        {
            return Errno.Inval;
        }

        if ((ulong)count * Layouts.SubscriptionSize > uint.MaxValue || (ulong)count * Layouts.EventSize > uint.MaxValue)
        {
            memory.Slice(uint.MaxValue, 1); // cannot fit in a 32-bit memory: trap
        }

        var input = memory.Struct(subscriptions, count * Layouts.SubscriptionSize, 8);
        var output = memory.Struct(events, count * Layouts.EventSize, 8);

        // Pass 1: fd subscriptions are ready now; find the earliest clock deadline.
        uint produced = 0;
        var earliest = ulong.MaxValue;
        var deadlines = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var sub = input.Slice(i * (int)Layouts.SubscriptionSize, (int)Layouts.SubscriptionSize);
            var userdata = BinaryPrimitives.ReadUInt64LittleEndian(sub);
            var tag = (EventType)sub[8];
            deadlines[i] = ulong.MaxValue;
            switch (tag)
            {
                case EventType.Clock:
                    var id = (ClockId)BinaryPrimitives.ReadUInt32LittleEndian(sub[16..]);
                    var timeout = BinaryPrimitives.ReadUInt64LittleEndian(sub[24..]);
                    var absolute = (BinaryPrimitives.ReadUInt16LittleEndian(sub[40..]) & 1) != 0;
                    var error = Deadline(id, timeout, absolute, out var deadline);
                    if (error != Errno.Success)
                    {
                        WriteEvent(output, produced++, userdata, error, tag, 0);
                        continue;
                    }

                    deadlines[i] = deadline;
                    earliest = Math.Min(earliest, deadline);
                    break;
                case EventType.FdRead:
                case EventType.FdWrite:
                    var fd = (int)BinaryPrimitives.ReadUInt32LittleEndian(sub[16..]);
                    var (fdError, bytes) = Readiness(ctx, fd, tag);
                    WriteEvent(output, produced++, userdata, fdError, tag, bytes);
                    break;
                default:
                    WriteEvent(output, produced++, userdata, Errno.Inval, tag, 0);
                    break;
            }
        }

        if (produced == 0 && earliest != ulong.MaxValue)
        {
            var now = SleepUntil(ctx, earliest);
            for (var i = 0; i < count; i++)
            {
                if (deadlines[i] != ulong.MaxValue && (deadlines[i] <= now || deadlines[i] == earliest))
                {
                    var sub = input.Slice(i * (int)Layouts.SubscriptionSize, (int)Layouts.SubscriptionSize);
                    WriteEvent(output, produced++, BinaryPrimitives.ReadUInt64LittleEndian(sub), Errno.Success, EventType.Clock, 0);
                }
            }
        }

        memory.WriteU32(neventsOut, produced);
        return Errno.Success;
    }

    // Sleeps until the monotonic clock reaches the deadline (waits are whole milliseconds, rounded
    // up, so a guest never wakes before its deadline) or the context is cancelled.
    private static ulong SleepUntil(WasiContext ctx, ulong deadline)
    {
        while (true)
        {
            var now = Clock.MonotonicNow();
            if (now >= deadline || ctx.Cancellation.IsCancellationRequested)
            {
                return now;
            }

            var milliseconds = (int)Math.Min((deadline - now + 999_999UL) / 1_000_000UL, int.MaxValue);
            if (ctx.Cancellation.CanBeCanceled)
            {
                ctx.Cancellation.WaitHandle.WaitOne(milliseconds);
            }
            else
            {
                Thread.Sleep(milliseconds);
            }
        }
    }

    // A deadline on the monotonic clock, whatever the subscription's clock.
    private static Errno Deadline(ClockId id, ulong timeout, bool absolute, out ulong deadline)
    {
        deadline = 0;
        var monotonicNow = Clock.MonotonicNow();
        if (!absolute)
        {
            if (id > ClockId.ThreadCputime)
            {
                return Errno.Inval;
            }

            deadline = SaturatingAdd(monotonicNow, timeout);
            return Errno.Success;
        }

        switch (id)
        {
            case ClockId.Monotonic:
                deadline = timeout;
                return Errno.Success;
            case ClockId.Realtime:
                Clock.TryNow(ClockId.Realtime, out var realNow);
                deadline = timeout <= realNow ? monotonicNow : SaturatingAdd(monotonicNow, timeout - realNow);
                return Errno.Success;
            default:
                // Absolute CPU-time deadlines cannot be waited for (wasmtime: not supported).
                return Errno.NotSup;
        }
    }

    private static (Errno Error, ulong Bytes) Readiness(WasiContext ctx, int fd, EventType type)
    {
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return (Errno.Badf, 0);
        }

        if (descriptor.Require(Rights.PollFdReadwrite) is var denied && denied != Errno.Success)
        {
            return (denied, 0);
        }

        if (type == EventType.FdRead && descriptor is FileDescriptor file
            && FileStat.OfDescriptor(file.Fd, out var stat) == Errno.Success)
        {
            var position = Libc.LSeek(file.Fd, 0, (int)Whence.Cur);
            return (Errno.Success, position >= 0 && (ulong)position < stat.Size ? stat.Size - (ulong)position : 0);
        }

        return descriptor is DirectoryDescriptor ? (Errno.Badf, 0) : (Errno.Success, type == EventType.FdRead ? 1UL : 0UL);
    }

    // event: userdata u64 @0, error u16 @8, type u8 @10, fd_readwrite.nbytes u64 @16, flags u16 @24.
    private static void WriteEvent(Span<byte> output, uint index, ulong userdata, Errno error, EventType type, ulong bytes)
    {
        var e = output.Slice((int)(index * Layouts.EventSize), (int)Layouts.EventSize);
        e.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(e, userdata);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)error);
        e[10] = (byte)type;
        BinaryPrimitives.WriteUInt64LittleEndian(e[16..], bytes);
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
