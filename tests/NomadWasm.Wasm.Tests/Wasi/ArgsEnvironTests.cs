using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

public sealed class ArgsEnvironTests
{
    [Fact]
    public void ArgsGet_WritesPointerArrayAndNulTerminatedStrings()
    {
        using var h = new WasiHarness(new WasiConfiguration { Arguments = ["app.wasm", "héllo", ""] });
        var sizes = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("args_sizes_get", sizes, sizes + 4));
        Assert.Equal(3u, h.ReadU32(sizes));
        Assert.Equal(9u + 7u + 1u, h.ReadU32(sizes + 4)); // "app.wasm\0" "héllo\0" (é is 2 bytes) "\0"

        var argv = h.Alloc(12);
        var buf = h.Alloc(17);
        Assert.Equal(Errno.Success, h.Call("args_get", argv, buf));
        Assert.Equal(buf, h.ReadU32(argv));
        Assert.Equal(buf + 9, h.ReadU32(argv + 4));
        Assert.Equal(buf + 16, h.ReadU32(argv + 8));
        Assert.Equal("app.wasm\0héllo\0\0", h.ReadString(buf, 17));
    }

    [Fact]
    public void EnvironGet_WritesKeyEqualsValue()
    {
        var env = new[] { KeyValuePair.Create("A", "1"), KeyValuePair.Create("PATH_INFO", "/x=y") };
        using var h = new WasiHarness(new WasiConfiguration { Environment = env });
        var sizes = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("environ_sizes_get", sizes, sizes + 4));
        Assert.Equal(2u, h.ReadU32(sizes));
        Assert.Equal(4u + 15u, h.ReadU32(sizes + 4));
        var ptrs = h.Alloc(8);
        var buf = h.Alloc(19);
        Assert.Equal(Errno.Success, h.Call("environ_get", ptrs, buf));
        Assert.Equal("A=1\0PATH_INFO=/x=y\0", h.ReadString(buf, 19));
        Assert.Equal(buf + 4, h.ReadU32(ptrs + 4));
    }

    [Fact]
    public void ArgsGet_OutOfBoundsBuffer_Traps()
    {
        using var h = new WasiHarness(new WasiConfiguration { Arguments = ["x"] }, memoryBytes: 4096);
        var fault = Assert.Throws<GuestMemoryFaultException>(() => h.Call("args_get", 0, 4095 + 1));
        Assert.Equal("out of bounds memory access", fault.Message);
    }

    [Fact]
    public void ArgsSizesGet_MisalignedPointer_Traps()
    {
        using var h = new WasiHarness(new WasiConfiguration());
        var fault = Assert.Throws<GuestMemoryFaultException>(() => h.Call("args_sizes_get", 1025, 2048));
        Assert.True(fault.Misaligned);
    }

    [Fact]
    public void Validate_NulInArgument_NamesIt()
    {
        var config = new WasiConfiguration { Arguments = ["ok", "bad\0arg"] };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("bad\\0arg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyGuestPath_NamesPreopen()
    {
        var config = new WasiConfiguration { Preopens = [new WasiPreopen("/tmp", "")] };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("'/tmp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadEnvironmentName_NamesIt()
    {
        var config = new WasiConfiguration { Environment = [new("A=B", "x")] };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("'A=B'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingPreopen_NamesIt()
    {
        var config = new WasiConfiguration { Preopens = [new WasiPreopen("/definitely/not/here", "/data")] };
        var error = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains("/definitely/not/here", error.Message, StringComparison.Ordinal);
    }
}
