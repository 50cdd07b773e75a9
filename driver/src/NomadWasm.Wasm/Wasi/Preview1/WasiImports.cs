using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// The 46 functions of wasi_snapshot_preview1 (legacy/preview1/witx/wasi_snapshot_preview1.witx,
/// WASI tag v0.2.0) in witx order of the spec's function list, with their core-wasm types as
/// wasi-libc imports them: pointers, sizes, fds and flags are i32; timestamps, rights, file
/// sizes, offsets and dircookies are i64; every function returns an i32 errno except proc_exit.
/// </summary>
internal static class WasiImports
{
    /// <summary>The import module name.</summary>
    public const string Module = "wasi_snapshot_preview1";

    private static readonly ValType[] ErrnoResult = [ValType.I32];

    /// <summary>Every preview-1 function.</summary>
    public static readonly IReadOnlyList<WasiImport> All =
    [
        new("args_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Args.Get(c, m, U(a[0]), U(a[1]))),
        new("args_sizes_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Args.SizesGet(c, m, U(a[0]), U(a[1]))),
        new("environ_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Environ.Get(c, m, U(a[0]), U(a[1]))),
        new("environ_sizes_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Environ.SizesGet(c, m, U(a[0]), U(a[1]))),
        new("clock_res_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Clock.ResGet(m, U(a[0]), U(a[1]))),
        new("clock_time_get", new FuncType([ValType.I32, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Clock.TimeGet(m, U(a[0]), a[1], U(a[2]))),
        new("fd_advise", new FuncType([ValType.I32, ValType.I64, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Advise(c, S(a[0]), a[1], a[2], U(a[3]))),
        new("fd_allocate", new FuncType([ValType.I32, ValType.I64, ValType.I64], ErrnoResult), static (c, m, a) => Fd.Allocate(c, S(a[0]), a[1], a[2])),
        new("fd_close", new FuncType([ValType.I32], ErrnoResult), static (c, m, a) => Fd.Close(c, S(a[0]))),
        new("fd_datasync", new FuncType([ValType.I32], ErrnoResult), static (c, m, a) => Fd.Datasync(c, S(a[0]))),
        new("fd_fdstat_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.FdstatGet(c, m, S(a[0]), U(a[1]))),
        new("fd_fdstat_set_flags", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.FdstatSetFlags(c, S(a[0]), U(a[1]))),
        new("fd_fdstat_set_rights", new FuncType([ValType.I32, ValType.I64, ValType.I64], ErrnoResult), static (c, m, a) => Fd.FdstatSetRights(c, S(a[0]), a[1], a[2])),
        new("fd_filestat_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.FilestatGet(c, m, S(a[0]), U(a[1]))),
        new("fd_filestat_set_size", new FuncType([ValType.I32, ValType.I64], ErrnoResult), static (c, m, a) => Fd.FilestatSetSize(c, S(a[0]), a[1])),
        new("fd_filestat_set_times", new FuncType([ValType.I32, ValType.I64, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Fd.FilestatSetTimes(c, S(a[0]), a[1], a[2], U(a[3]))),
        new("fd_pread", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Fd.PRead(c, m, S(a[0]), U(a[1]), U(a[2]), a[3], U(a[4]))),
        new("fd_prestat_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.PrestatGet(c, m, S(a[0]), U(a[1]))),
        new("fd_prestat_dir_name", new FuncType([ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.PrestatDirName(c, m, S(a[0]), U(a[1]), U(a[2]))),
        new("fd_pwrite", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Fd.PWrite(c, m, S(a[0]), U(a[1]), U(a[2]), a[3], U(a[4]))),
        new("fd_read", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Read(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("fd_readdir", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Readdir(c, m, S(a[0]), U(a[1]), U(a[2]), a[3], U(a[4]))),
        new("fd_renumber", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Renumber(c, S(a[0]), S(a[1]))),
        new("fd_seek", new FuncType([ValType.I32, ValType.I64, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Seek(c, m, S(a[0]), (long)a[1], U(a[2]), U(a[3]))),
        new("fd_sync", new FuncType([ValType.I32], ErrnoResult), static (c, m, a) => Fd.Sync(c, S(a[0]))),
        new("fd_tell", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Tell(c, m, S(a[0]), U(a[1]))),
        new("fd_write", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Fd.Write(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("path_create_directory", new FuncType([ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.CreateDirectory(c, m, S(a[0]), U(a[1]), U(a[2]))),
        new("path_filestat_get", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.FilestatGet(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]))),
        new("path_filestat_set_times", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I64, ValType.I32], ErrnoResult), static (c, m, a) => Path.FilestatSetTimes(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]), a[4], a[5], U(a[6]))),
        new("path_link", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.Link(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]), S(a[4]), U(a[5]), U(a[6]))),
        new("path_open", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.I64, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.Open(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), a[5], a[6], U(a[7]), U(a[8]))),
        new("path_readlink", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.Readlink(c, m, S(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]))),
        new("path_remove_directory", new FuncType([ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.RemoveDirectory(c, m, S(a[0]), U(a[1]), U(a[2]))),
        new("path_rename", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.Rename(c, m, S(a[0]), U(a[1]), U(a[2]), S(a[3]), U(a[4]), U(a[5]))),
        new("path_symlink", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.Symlink(c, m, U(a[0]), U(a[1]), S(a[2]), U(a[3]), U(a[4]))),
        new("path_unlink_file", new FuncType([ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Path.UnlinkFile(c, m, S(a[0]), U(a[1]), U(a[2]))),
        new("poll_oneoff", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Poll.OneOff(c, m, U(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("proc_exit", new FuncType([ValType.I32], []), static (c, m, a) => { Proc.Exit(c, U(a[0])); return Errno.Success; }),
        new("proc_raise", new FuncType([ValType.I32], ErrnoResult), static (c, m, a) => Proc.Raise(U(a[0]))),
        new("sched_yield", new FuncType([], ErrnoResult), static (c, m, a) => Proc.Yield()),
        new("random_get", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Random.Get(c, m, U(a[0]), U(a[1]))),
        new("sock_accept", new FuncType([ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Sock.Accept(c, S(a[0]))),
        new("sock_recv", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Sock.Recv(c, S(a[0]))),
        new("sock_send", new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Sock.Send(c, S(a[0]))),
        new("sock_shutdown", new FuncType([ValType.I32, ValType.I32], ErrnoResult), static (c, m, a) => Sock.Shutdown(c, S(a[0]))),
    ];

    private static uint U(ulong raw) => (uint)raw;

    private static int S(ulong raw) => (int)(uint)raw;
}
