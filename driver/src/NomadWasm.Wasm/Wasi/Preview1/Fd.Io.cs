using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>fd_read, fd_write, fd_pread, fd_pwrite, fd_seek, fd_tell.</summary>
internal static partial class Fd
{
    /// <summary>
    /// <c>fd_read(fd, iovs: iovec_array) -> size</c>: scatter-read into each buffer in turn, stopping
    /// at the first short read; 0 at end of file.
    /// <code>
    /// iovs: [buf u32][buf_len u32] × iovs_len      nread_out: [u32]
    /// </code>
    /// </summary>
    public static Errno Read(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, uint nreadOut) =>
        ReadCore(ctx, memory, fd, iovs, iovsLength, offset: -1, nreadOut);

    /// <summary><c>fd_pread(fd, iovs, offset: filesize) -> size</c>: like fd_read at an offset, without moving the position.</summary>
    public static Errno PRead(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, ulong offset, uint nreadOut) =>
        offset > long.MaxValue ? Errno.Inval : ReadCore(ctx, memory, fd, iovs, iovsLength, (long)offset, nreadOut);

    /// <summary>
    /// <c>fd_write(fd, iovs: ciovec_array) -> size</c>: gather-write every buffer fully (wasmtime
    /// writes only the first non-empty buffer per call; a full write is equally valid and saves
    /// libc a loop).
    /// </summary>
    public static Errno Write(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, uint nwrittenOut) =>
        WriteCore(ctx, memory, fd, iovs, iovsLength, offset: -1, nwrittenOut);

    /// <summary>
    /// <c>fd_pwrite(fd, iovs, offset) -> size</c>: like fd_write at an offset without moving the
    /// position. On an append-mode file Linux writes at the end (wasi-testsuite pwrite-with-append
    /// accepts both).
    /// </summary>
    public static Errno PWrite(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, ulong offset, uint nwrittenOut) =>
        offset > long.MaxValue ? Errno.Inval : WriteCore(ctx, memory, fd, iovs, iovsLength, (long)offset, nwrittenOut);

    /// <summary>
    /// <c>fd_seek(fd, offset: filedelta, whence) -> filesize</c>. Stdio is ESPIPE (as wasmtime);
    /// seeking before 0 is EINVAL.
    /// <code>newoffset_out: [u64]</code>
    /// </summary>
    public static Errno Seek(WasiContext ctx, GuestMemory memory, int fd, long offset, uint whence, uint newOffsetOut)
    {
        memory.Struct(newOffsetOut, 8, 8);
        var descriptor = ctx.Fds.Get(fd);
        switch (descriptor)
        {
            case null:
                return Errno.Badf;
            case StreamDescriptor:
                return Errno.Spipe;
            case FileDescriptor file:
                var needed = offset == 0 && whence == (uint)Whence.Cur ? Rights.FdTell : Rights.FdSeek;
                if (file.Require(needed) is var denied && denied != Errno.Success)
                {
                    return denied;
                }

                if (whence > (uint)Whence.End)
                {
                    return Errno.Inval;
                }

                var position = Libc.LSeek(file.Fd, offset, (int)whence);
                if (position < 0)
                {
                    return LinuxErrno.Last();
                }

                memory.WriteU64(newOffsetOut, (ulong)position);
                return Errno.Success;
            default:
                return Errno.Badf;
        }
    }

    /// <summary><c>fd_tell(fd) -> filesize</c>: the current position.</summary>
    public static Errno Tell(WasiContext ctx, GuestMemory memory, int fd, uint offsetOut)
    {
        memory.Struct(offsetOut, 8, 8);
        switch (ctx.Fds.Get(fd))
        {
            case null:
                return Errno.Badf;
            case StreamDescriptor:
                return Errno.Spipe;
            case FileDescriptor file:
                if (file.Require(Rights.FdTell) is var denied && denied != Errno.Success)
                {
                    return denied;
                }

                var position = Libc.LSeek(file.Fd, 0, (int)Whence.Cur);
                if (position < 0)
                {
                    return LinuxErrno.Last();
                }

                memory.WriteU64(offsetOut, (ulong)position);
                return Errno.Success;
            default:
                return Errno.Badf;
        }
    }

    /// <summary>
    /// The checks fd_read, fd_pread, fd_write and fd_pwrite share: the count out-pointer and the
    /// iovec array are in bounds, the fd is open, and it has <paramref name="right"/> (plus
    /// fd_seek for positional I/O, <paramref name="offset"/> &gt;= 0).
    /// </summary>
    private static Errno BeginIo(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, long offset, uint countOut, Rights right, out Descriptor descriptor)
    {
        memory.Struct(countOut, 4, 4);
        CheckIovecArray(memory, iovs, iovsLength);
        var found = ctx.Fds.Get(fd);
        if (found is null)
        {
            descriptor = null!; // callers read it only on success
            return Errno.Badf;
        }

        descriptor = found;
        return descriptor.Require(offset >= 0 ? right | Rights.FdSeek : right);
    }

    private static Errno ReadCore(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, long offset, uint nreadOut)
    {
        if (BeginIo(ctx, memory, fd, iovs, iovsLength, offset, nreadOut, Rights.FdRead, out var descriptor) is var failed && failed != Errno.Success)
        {
            return failed;
        }

        uint total = 0;
        switch (descriptor)
        {
            case StreamDescriptor stream:
                if (offset >= 0)
                {
                    return Errno.Spipe;
                }

                if (!stream.IsInput)
                {
                    return Errno.Badf;
                }

                for (uint i = 0; i < iovsLength; i++)
                {
                    var buffer = Iovec(memory, iovs, i);
                    if (buffer.IsEmpty)
                    {
                        continue;
                    }

                    var n = stream.Stream?.Read(buffer) ?? 0;
                    total += (uint)n;
                    if (n < buffer.Length)
                    {
                        break;
                    }
                }

                break;
            case FileDescriptor file:
                for (uint i = 0; i < iovsLength; i++)
                {
                    var buffer = Iovec(memory, iovs, i);
                    if (buffer.IsEmpty)
                    {
                        continue;
                    }

                    var n = ReadFile(file.Fd, buffer, offset < 0 ? -1 : offset + total);
                    if (n < 0)
                    {
                        var error = LinuxErrno.Last();
                        if (total > 0)
                        {
                            break;
                        }

                        return error;
                    }

                    total += (uint)n;
                    if (n < buffer.Length)
                    {
                        break;
                    }
                }

                break;
            default:
                return Errno.Badf; // a directory (wasmtime: EBADF)
        }

        memory.WriteU32(nreadOut, total);
        return Errno.Success;
    }

    private static Errno WriteCore(WasiContext ctx, GuestMemory memory, int fd, uint iovs, uint iovsLength, long offset, uint nwrittenOut)
    {
        if (BeginIo(ctx, memory, fd, iovs, iovsLength, offset, nwrittenOut, Rights.FdWrite, out var descriptor) is var failed && failed != Errno.Success)
        {
            return failed;
        }

        uint total = 0;
        switch (descriptor)
        {
            case StreamDescriptor stream:
                if (offset >= 0)
                {
                    return Errno.Spipe;
                }

                if (stream.IsInput)
                {
                    return Errno.Badf;
                }

                for (uint i = 0; i < iovsLength; i++)
                {
                    var buffer = Iovec(memory, iovs, i);
                    stream.Stream?.Write(buffer);
                    total += (uint)buffer.Length;
                }

                stream.Stream?.Flush();
                break;
            case FileDescriptor file:
                for (uint i = 0; i < iovsLength; i++)
                {
                    var buffer = Iovec(memory, iovs, i);
                    while (!buffer.IsEmpty)
                    {
                        var n = WriteFile(file.Fd, buffer, offset < 0 ? -1 : offset + total);
                        if (n < 0)
                        {
                            var error = LinuxErrno.Last();
                            if (total > 0)
                            {
                                memory.WriteU32(nwrittenOut, total);
                                return Errno.Success;
                            }

                            return error;
                        }

                        total += (uint)n;
                        buffer = buffer[(int)n..];
                    }
                }

                break;
            default:
                return Errno.Badf;
        }

        memory.WriteU32(nwrittenOut, total);
        return Errno.Success;
    }

    // Safety: the span is pinned for the duration of the call; libc writes at most buffer.Length bytes.
    private static unsafe nint ReadFile(int fd, Span<byte> buffer, long offset)
    {
        fixed (byte* p = buffer)
        {
            return offset < 0 ? Libc.Read(fd, p, (nuint)buffer.Length) : Libc.PRead(fd, p, (nuint)buffer.Length, offset);
        }
    }

    // Safety: the span is pinned for the duration of the call; libc reads at most buffer.Length bytes.
    private static unsafe nint WriteFile(int fd, Span<byte> buffer, long offset)
    {
        fixed (byte* p = buffer)
        {
            return offset < 0 ? Libc.Write(fd, p, (nuint)buffer.Length) : Libc.PWrite(fd, p, (nuint)buffer.Length, offset);
        }
    }

    private static void CheckIovecArray(GuestMemory memory, uint iovs, uint count)
    {
        if ((ulong)count * Layouts.IovecSize > uint.MaxValue)
        {
            memory.Slice(uint.MaxValue, 1); // traps: the array cannot fit in a 32-bit memory
        }

        memory.Struct(iovs, count * Layouts.IovecSize, 4);
    }

    private static Span<byte> Iovec(GuestMemory memory, uint iovs, uint index)
    {
        var at = iovs + (index * Layouts.IovecSize);
        return memory.Slice(memory.ReadU32(at), memory.ReadU32(at + 4));
    }
}
