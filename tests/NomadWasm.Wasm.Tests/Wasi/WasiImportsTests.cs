using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

public sealed class WasiImportsTests
{
    // The function list of wasi_snapshot_preview1.witx (WASI v0.2.0), alphabetical.
    private static readonly string[] WitxNames =
    [
        "args_get", "args_sizes_get", "clock_res_get", "clock_time_get", "environ_get", "environ_sizes_get",
        "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
        "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
        "fd_prestat_dir_name", "fd_prestat_get", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
        "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
        "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
        "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "random_get", "sched_yield", "sock_accept",
        "sock_recv", "sock_send", "sock_shutdown",
    ];

    [Fact]
    public void All_HasEveryWitxFunctionOnce()
    {
        var names = WasiImports.All.Select(i => i.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(WitxNames.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [InlineData("fd_write", "[i32 i32 i32 i32] -> [i32]")]
    [InlineData("path_open", "[i32 i32 i32 i32 i32 i64 i64 i32 i32] -> [i32]")]
    [InlineData("clock_time_get", "[i32 i64 i32] -> [i32]")]
    [InlineData("fd_seek", "[i32 i64 i32 i32] -> [i32]")]
    [InlineData("fd_readdir", "[i32 i32 i32 i64 i32] -> [i32]")]
    [InlineData("path_filestat_set_times", "[i32 i32 i32 i32 i64 i64 i32] -> [i32]")]
    [InlineData("proc_exit", "[i32] -> []")]
    [InlineData("sched_yield", "[] -> [i32]")]
    [InlineData("sock_recv", "[i32 i32 i32 i32 i32 i32] -> [i32]")]
    public void Type_MatchesWasiLibcImport(string name, string expected) =>
        Assert.Equal(expected, WasiImports.All.Single(i => i.Name == name).Type.ToString());

    [Fact]
    public void All_ResultIsErrnoExceptProcExit()
    {
        foreach (var import in WasiImports.All.Where(i => i.Name != "proc_exit"))
        {
            Assert.Equal([ValType.I32], import.Type.Results);
        }
    }
}
