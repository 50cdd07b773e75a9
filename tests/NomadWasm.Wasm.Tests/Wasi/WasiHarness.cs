using System.Buffers.Binary;
using System.Text;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>
/// Calls preview-1 functions the way a guest does (by import name, raw i32/i64 arguments, a
/// byte-array linear memory), without the compiler or runtime.
/// </summary>
internal sealed class WasiHarness : IDisposable
{
    /// <summary>What wasi-libc asks for with O_RDONLY: everything but the write rights.</summary>
    public const ulong ReadOnlyRights = (ulong.MaxValue >> 34) & ~((1ul << 0) | (1ul << 6) | (1ul << 8) | (1ul << 22));

    private uint _next = 1024;

    public WasiHarness(WasiConfiguration configuration, int memoryBytes = 1 << 20)
    {
        Memory = new byte[memoryBytes];
        Context = new WasiContext(configuration);
    }

    public byte[] Memory { get; }

    public WasiContext Context { get; }

    /// <summary>Calls <paramref name="name"/> with the raw arguments.</summary>
    public Errno Call(string name, params ulong[] args)
    {
        var import = WasiImports.All.Single(i => i.Name == name);
        Assert.Equal(import.Type.Parameters.Count, args.Length);
        return import.Call(Context, new GuestMemory(Memory), args);
    }

    /// <summary>Reserves <paramref name="size"/> zeroed bytes aligned to 8.</summary>
    public uint Alloc(uint size)
    {
        var at = _next;
        _next = (_next + size + 7) & ~7u;
        Array.Clear(Memory, (int)at, (int)size);
        return at;
    }

    /// <summary>Copies a UTF-8 string into memory; returns (pointer, length).</summary>
    public (ulong Ptr, ulong Len) Str(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var at = Alloc((uint)Math.Max(bytes.Length, 1));
        bytes.CopyTo(Memory, at);
        return (at, (ulong)bytes.Length);
    }

    /// <summary>An iovec array with one buffer per entry; returns (array pointer, count).</summary>
    public (ulong Ptr, ulong Count) Iovecs(params uint[][] buffers)
    {
        var array = Alloc((uint)(8 * buffers.Length));
        for (var i = 0; i < buffers.Length; i++)
        {
            WriteU32(array + (uint)(8 * i), buffers[i][0]);
            WriteU32(array + (uint)(8 * i) + 4, buffers[i][1]);
        }

        return (array, (ulong)buffers.Length);
    }

    public uint ReadU32(uint at) => BinaryPrimitives.ReadUInt32LittleEndian(Memory.AsSpan((int)at));

    public ulong ReadU64(uint at) => BinaryPrimitives.ReadUInt64LittleEndian(Memory.AsSpan((int)at));

    public void WriteU32(uint at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Memory.AsSpan((int)at), value);

    public string ReadString(uint at, int length) => Encoding.UTF8.GetString(Memory, (int)at, length);

    /// <summary>path_open relative to <paramref name="dirFd"/>; returns the errno and the new fd.</summary>
    public (Errno Errno, int Fd) Open(int dirFd, string path, OFlagsArg oflags = 0, ulong rights = ulong.MaxValue >> 34, ushort fdflags = 0, uint lookup = 1)
    {
        var (p, l) = Str(path);
        var fdOut = Alloc(4);
        var errno = Call("path_open", (ulong)dirFd, lookup, p, l, (ulong)oflags, rights, rights, fdflags, fdOut);
        return (errno, (int)ReadU32(fdOut));
    }

    public (Errno Errno, uint Count) Write(int fd, string data)
    {
        var (p, l) = Str(data);
        var (iovs, n) = Iovecs([(uint)p, (uint)l]);
        var nOut = Alloc(4);
        var errno = Call("fd_write", (ulong)fd, iovs, n, nOut);
        return (errno, ReadU32(nOut));
    }

    public (Errno Errno, string Data) Read(int fd, uint max = 256)
    {
        var buffer = Alloc(max);
        var (iovs, n) = Iovecs([buffer, max]);
        var nOut = Alloc(4);
        var errno = Call("fd_read", (ulong)fd, iovs, n, nOut);
        return (errno, ReadString(buffer, (int)ReadU32(nOut)));
    }

    public Errno PathCall(string name, int dirFd, string path)
    {
        var (p, l) = Str(path);
        return Call(name, (ulong)dirFd, p, l);
    }

    public void Dispose() => Context.Dispose();

    /// <summary>oflags bits as the guest passes them.</summary>
    [Flags]
    internal enum OFlagsArg : ushort
    {
        Creat = 1,
        Directory = 2,
        Excl = 4,
        Trunc = 8,
    }
}
