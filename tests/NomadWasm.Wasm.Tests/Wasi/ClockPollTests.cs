using System.Buffers.Binary;
using System.Diagnostics;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

public sealed class ClockPollTests
{
    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    public void ClockTimeGet_KnownClocks_Succeed(uint id)
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var t = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("clock_time_get", id, 1, t));
        Assert.Equal(Errno.Success, h.Call("clock_res_get", id, t));
        Assert.True(h.ReadU64(t) > 0);
    }

    [Fact]
    public void ClockTimeGet_Realtime_IsUnixNanoseconds()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var t = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("clock_time_get", 0, 0, t));
        var expected = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL;
        Assert.InRange(h.ReadU64(t), expected - 5_000_000_000UL, expected + 5_000_000_000UL);
    }

    [Fact]
    public void ClockTimeGet_UnknownClock_IsInval()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        Assert.Equal(Errno.Inval, h.Call("clock_time_get", 4, 0, h.Alloc(8)));
    }

    [Fact]
    public void PollOneoff_RelativeClock_SleepsAtLeastTimeout()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var sub = Subscriptions(h, (7, 0, Clock(1, 30_000_000, absolute: false)));
        var events = h.Alloc(32);
        var n = h.Alloc(4);
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, h.Call("poll_oneoff", sub, events, 1, n));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(29), watch.Elapsed.ToString());
        Assert.Equal(1u, h.ReadU32(n));
        Assert.Equal(7ul, h.ReadU64(events));
        Assert.Equal(0, h.Memory[events + 8]); // errno
        Assert.Equal(0, h.Memory[events + 10]); // eventtype clock
    }

    [Fact]
    public void PollOneoff_AbsoluteMonotonicInThePast_ReturnsAtOnce()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var sub = Subscriptions(h, (1, 0, Clock(1, 1, absolute: true)));
        var n = h.Alloc(4);
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, h.Call("poll_oneoff", sub, h.Alloc(32), 1, n));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500));
        Assert.Equal(1u, h.ReadU32(n));
    }

    [Fact]
    public void PollOneoff_AbsoluteRealtime_WaitsUntilDeadline()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var t = h.Alloc(8);
        h.Call("clock_time_get", 0, 0, t);
        var sub = Subscriptions(h, (1, 0, Clock(0, h.ReadU64(t) + 40_000_000, absolute: true)));
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, h.Call("poll_oneoff", sub, h.Alloc(32), 1, h.Alloc(4)));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(35), watch.Elapsed.ToString());
    }

    [Fact]
    public void PollOneoff_FdReadyWithClock_ReportsFdWithoutSleeping()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var sub = Subscriptions(h, (1, 0, Clock(1, 10_000_000_000, absolute: false)), (2, 2, FdSub(1)), (3, 1, FdSub(99)));
        var events = h.Alloc(96);
        var n = h.Alloc(4);
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, h.Call("poll_oneoff", sub, events, 3, n));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Equal(2u, h.ReadU32(n));
        Assert.Equal(2ul, h.ReadU64(events));
        Assert.Equal(2, h.Memory[events + 10]); // fd_write
        Assert.Equal(3ul, h.ReadU64(events + 32));
        Assert.Equal((byte)Errno.Badf, h.Memory[events + 32 + 8]);
    }

    [Fact]
    public void PollOneoff_NoSubscriptions_IsInval()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        Assert.Equal(Errno.Inval, h.Call("poll_oneoff", h.Alloc(48), h.Alloc(32), 0, h.Alloc(4)));
    }

    private static byte[] Clock(uint id, ulong timeout, bool absolute)
    {
        var body = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(body, id);
        BinaryPrimitives.WriteUInt64LittleEndian(body.AsSpan(8), timeout);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), absolute ? (ushort)1 : (ushort)0);
        return body;
    }

    private static byte[] FdSub(uint fd)
    {
        var body = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(body, fd);
        return body;
    }

    // subscription: userdata u64 @0, tag u8 @8, union body @16 (32 bytes).
    private static uint Subscriptions(WasiHarness h, params (ulong UserData, byte Tag, byte[] Body)[] subs)
    {
        var at = h.Alloc((uint)(48 * subs.Length));
        for (var i = 0; i < subs.Length; i++)
        {
            var s = h.Memory.AsSpan((int)at + (48 * i), 48);
            BinaryPrimitives.WriteUInt64LittleEndian(s, subs[i].UserData);
            s[8] = subs[i].Tag;
            subs[i].Body.CopyTo(s[16..]);
        }

        return at;
    }
}
