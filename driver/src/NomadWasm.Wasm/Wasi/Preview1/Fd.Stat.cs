using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>fd_filestat_get/set_size/set_times, fd_advise, fd_allocate, fd_sync, fd_datasync.</summary>
internal static partial class Fd
{
    /// <summary>
    /// <c>fd_filestat_get(fd) -> filestat</c> (layout: <see cref="Layouts.FilestatSize"/>). Stdio
    /// reports only its file type, zeros elsewhere (as wasmtime).
    /// </summary>
    public static Errno FilestatGet(WasiContext ctx, GuestMemory memory, int fd, uint statOut)
    {
        var target = memory.Struct(statOut, Layouts.FilestatSize, 8);
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        if (descriptor.Require(Rights.FdFilestatGet) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        FileStat stat;
        Errno error;
        switch (descriptor)
        {
            case FileDescriptor file:
                error = FileStat.OfDescriptor(file.Fd, out stat);
                break;
            case DirectoryDescriptor directory:
                error = PathResolver.ResolveSelf(directory, out var hostPath);
                stat = default;
                if (error == Errno.Success)
                {
                    error = FileStat.OfPath(hostPath, followSymlink: false, out stat);
                }

                break;
            default:
                stat = new FileStat(0, 0, descriptor.Type, 0, 0, 0, 0, 0);
                error = Errno.Success;
                break;
        }

        if (error == Errno.Success)
        {
            Layouts.WriteFilestat(target, stat);
        }

        return error;
    }

    /// <summary><c>fd_filestat_set_size(fd, size: filesize)</c>: ftruncate.</summary>
    public static Errno FilestatSetSize(WasiContext ctx, int fd, ulong size)
    {
        var error = ctx.Fds.Get<FileDescriptor>(fd, out var file);
        if (error != Errno.Success)
        {
            return error == Errno.NotDir ? Errno.Badf : error;
        }

        if (file.Require(Rights.FdFilestatSetSize) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (file.ReadOnlyMount)
        {
            return Errno.Perm;
        }

        if (size > long.MaxValue)
        {
            return Errno.Fbig;
        }

        return Libc.FTruncate(file.Fd, (long)size) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary>
    /// <c>fd_filestat_set_times(fd, atim, mtim, fst_flags)</c>: each time is left alone, set to the
    /// given value (ATIM/MTIM) or to now (ATIM_NOW/MTIM_NOW); both flags for one time is EINVAL.
    /// </summary>
    public static Errno FilestatSetTimes(WasiContext ctx, int fd, ulong accessTime, ulong modifyTime, uint flags)
    {
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        if (descriptor.Require(Rights.FdFilestatSetTimes) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (!TryTimes(accessTime, modifyTime, flags, out var atime, out var mtime))
        {
            return Errno.Inval;
        }

        return descriptor switch
        {
            FileDescriptor { ReadOnlyMount: true } => Errno.Perm,
            DirectoryDescriptor { Root.ReadOnly: true } => Errno.Perm,
            FileDescriptor file => SetTimes(file.Fd, null, atime, mtime, follow: true),
            DirectoryDescriptor directory => PathResolver.ResolveSelf(directory, out var hostPath) is var e && e != Errno.Success
                ? e
                : SetTimes(-1, hostPath, atime, mtime, follow: false),
            _ => Errno.Badf,
        };
    }

    /// <summary><c>fd_advise(fd, offset, len, advice)</c>: posix_fadvise (a hint; failures are real errors).</summary>
    public static Errno Advise(WasiContext ctx, int fd, ulong offset, ulong length, uint advice)
    {
        var error = ctx.Fds.Get<FileDescriptor>(fd, out var file);
        if (error != Errno.Success)
        {
            return error == Errno.NotDir ? Errno.Badf : error;
        }

        if (file.Require(Rights.FdAdvise) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        // POSIX_FADV_*: NORMAL 0, RANDOM 1, SEQUENTIAL 2, WILLNEED 3, DONTNEED 4, NOREUSE 5.
        int posix = (Advice)advice switch
        {
            Advice.Normal => 0,
            Advice.Sequential => 2,
            Advice.Random => 1,
            Advice.WillNeed => 3,
            Advice.DontNeed => 4,
            Advice.NoReuse => 5,
            _ => -1,
        };
        if (posix < 0 || offset > long.MaxValue || length > long.MaxValue)
        {
            return Errno.Inval;
        }

        return LinuxErrno.ToWasi(Libc.PosixFadvise(file.Fd, (long)offset, (long)length, posix));
    }

    /// <summary><c>fd_allocate(fd, offset, len)</c>: posix_fallocate.</summary>
    public static Errno Allocate(WasiContext ctx, int fd, ulong offset, ulong length)
    {
        var error = ctx.Fds.Get<FileDescriptor>(fd, out var file);
        if (error != Errno.Success)
        {
            return error == Errno.NotDir ? Errno.Badf : error;
        }

        if (file.Require(Rights.FdAllocate) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (file.ReadOnlyMount)
        {
            return Errno.Perm;
        }

        if (offset > long.MaxValue || length > long.MaxValue || length == 0)
        {
            return Errno.Inval;
        }

        return LinuxErrno.ToWasi(Libc.PosixFallocate(file.Fd, (long)offset, (long)length));
    }

    /// <summary><c>fd_sync(fd)</c>: fsync a file; a directory has nothing buffered on our side.</summary>
    public static Errno Sync(WasiContext ctx, int fd) => SyncCore(ctx, fd, Rights.FdSync, data: false);

    /// <summary><c>fd_datasync(fd)</c>: fdatasync.</summary>
    public static Errno Datasync(WasiContext ctx, int fd) => SyncCore(ctx, fd, Rights.FdDatasync, data: true);

    internal static bool TryTimes(ulong accessTime, ulong modifyTime, uint flags, out Libc.Timespec atime, out Libc.Timespec mtime)
    {
        var fst = (FstFlags)flags;
        atime = mtime = default;
        if ((fst & ~(FstFlags.Atim | FstFlags.AtimNow | FstFlags.Mtim | FstFlags.MtimNow)) != 0
            || (fst & (FstFlags.Atim | FstFlags.AtimNow)) == (FstFlags.Atim | FstFlags.AtimNow)
            || (fst & (FstFlags.Mtim | FstFlags.MtimNow)) == (FstFlags.Mtim | FstFlags.MtimNow))
        {
            return false;
        }

        atime = Timespec(accessTime, (fst & FstFlags.Atim) != 0, (fst & FstFlags.AtimNow) != 0);
        mtime = Timespec(modifyTime, (fst & FstFlags.Mtim) != 0, (fst & FstFlags.MtimNow) != 0);
        return true;
    }

    internal static unsafe Errno SetTimes(int fd, string? path, Libc.Timespec atime, Libc.Timespec mtime, bool follow)
    {
        var times = stackalloc Libc.Timespec[2];
        times[0] = atime;
        times[1] = mtime;
        var result = path is null
            ? Libc.Futimens(fd, times)
            : Libc.Utimensat(Libc.AtFdCwd, path, times, follow ? 0 : Libc.AtSymlinkNoFollow);
        return result == 0 ? Errno.Success : LinuxErrno.Last();
    }

    private static Libc.Timespec Timespec(ulong nanoseconds, bool set, bool now) => new()
    {
        Seconds = set ? (long)(nanoseconds / 1_000_000_000UL) : 0,
        Nanoseconds = set ? (long)(nanoseconds % 1_000_000_000UL) : now ? Libc.UtimeNow : Libc.UtimeOmit,
    };

    private static Errno SyncCore(WasiContext ctx, int fd, Rights right, bool data)
    {
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        if (descriptor.Require(right) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        return descriptor switch
        {
            FileDescriptor file => (data ? Libc.FDataSync(file.Fd) : Libc.FSync(file.Fd)) == 0 ? Errno.Success : LinuxErrno.Last(),
            DirectoryDescriptor => Errno.Success,
            _ => Errno.Inval, // fsync on a pipe or terminal is EINVAL on Linux
        };
    }
}
