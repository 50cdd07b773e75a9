using System.Text;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

public sealed class StdioTests
{
    [Fact]
    public void FdWrite_GathersAllBuffersIntoStdout()
    {
        var stdout = new MemoryStream();
        using var h = new WasiHarness(new WasiConfiguration { Stdout = stdout });
        var (a, al) = h.Str("hello, ");
        var (b, bl) = h.Str("world");
        var (iovs, n) = h.Iovecs([(uint)a, (uint)al], [0, 0], [(uint)b, (uint)bl]);
        var nOut = h.Alloc(4);
        Assert.Equal(Errno.Success, h.Call("fd_write", 1, iovs, n, nOut));
        Assert.Equal(12u, h.ReadU32(nOut));
        Assert.Equal("hello, world", Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void FdRead_ScattersStdinAndReturnsZeroAtEof()
    {
        var stdin = new MemoryStream(Encoding.UTF8.GetBytes("abcdefg"));
        using var h = new WasiHarness(new WasiConfiguration { Stdin = stdin });
        var first = h.Alloc(3);
        var second = h.Alloc(10);
        var (iovs, n) = h.Iovecs([first, 3], [second, 10]);
        var nOut = h.Alloc(4);
        Assert.Equal(Errno.Success, h.Call("fd_read", 0, iovs, n, nOut));
        Assert.Equal(7u, h.ReadU32(nOut));
        Assert.Equal("abc", h.ReadString(first, 3));
        Assert.Equal("defg", h.ReadString(second, 4));
        Assert.Equal(Errno.Success, h.Call("fd_read", 0, iovs, n, nOut));
        Assert.Equal(0u, h.ReadU32(nOut));
    }

    [Theory]
    [InlineData("fd_seek", Errno.Spipe)]
    [InlineData("fd_tell", Errno.Spipe)]
    public void Seek_OnStdout_IsSpipe(string name, Errno expected)
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var o = h.Alloc(8);
        var errno = name == "fd_seek" ? h.Call(name, 1, 0, 1, o) : h.Call(name, 1, o);
        Assert.Equal(expected, errno);
    }

    [Fact]
    public void FdWrite_ToStdin_IsBadf()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        Assert.Equal(Errno.Badf, h.Write(0, "x").Errno);
    }

    [Fact]
    public void FdWrite_ClosedFd_IsBadf()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        Assert.Equal(Errno.Badf, h.Write(9, "x").Errno);
        Assert.Equal(Errno.Success, h.Call("fd_close", 1));
        Assert.Equal(Errno.Badf, h.Write(1, "x").Errno);
    }

    [Fact]
    public void FdFdstatGet_Stdout_ReportsUnknownTypeAndWriteRight()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var st = h.Alloc(24);
        Assert.Equal(Errno.Success, h.Call("fd_fdstat_get", 1, st));
        Assert.Equal(0, h.Memory[st]); // filetype unknown: not a terminal
        Assert.NotEqual(0ul, h.ReadU64(st + 8) & (1ul << 6)); // FD_WRITE
    }

    [Fact]
    public void SockShutdown_OnStdout_IsNotSockAndOnClosedFdBadf()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        Assert.Equal(Errno.NotSock, h.Call("sock_shutdown", 1, 1));
        Assert.Equal(Errno.Badf, h.Call("sock_shutdown", 42, 1));
        Assert.Equal(Errno.NotSock, h.Call("sock_recv", 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void ProcExit_ThrowsWithCode()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var exit = Assert.Throws<WasiExitException>(() => h.Call("proc_exit", 42));
        Assert.Equal(42, exit.ExitCode);
        Assert.Equal(42, h.Context.ExitCode);
    }

    [Fact]
    public void RandomGet_FillsBuffer()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var buf = h.Alloc(64);
        Assert.Equal(Errno.Success, h.Call("random_get", buf, 64));
        Assert.True(h.Memory.AsSpan((int)buf, 64).ToArray().Count(b => b != 0) > 32);
    }
}
