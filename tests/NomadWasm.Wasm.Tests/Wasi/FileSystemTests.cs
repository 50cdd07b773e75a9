using System.Text;
using NomadWasm.Wasm.Wasi.Preview1;
using O = NomadWasm.Wasm.Tests.Wasi.WasiHarness.OFlagsArg;

namespace NomadWasm.Wasm.Tests.Wasi;

public sealed class FileSystemTests : IDisposable
{
    private const int Preopen = 3;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Preopen_PrestatAndName_DescribeGuestPath()
    {
        using var h = Harness();
        var prestat = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("fd_prestat_get", Preopen, prestat));
        Assert.Equal(0, h.Memory[prestat]);
        Assert.Equal(8u, h.ReadU32(prestat + 4));
        var name = h.Alloc(8);
        Assert.Equal(Errno.NameTooLong, h.Call("fd_prestat_dir_name", Preopen, name, 3));
        Assert.Equal(Errno.Success, h.Call("fd_prestat_dir_name", Preopen, name, 8));
        Assert.Equal("/sandbox", h.ReadString(name, 8));
        Assert.Equal(Errno.Badf, h.Call("fd_prestat_get", 4, prestat));
        Assert.Equal(Errno.Badf, h.Call("fd_prestat_get", 1, prestat));
    }

    [Fact]
    public void CreateWriteSeekRead_RoundTrips()
    {
        using var h = Harness();
        var (errno, fd) = h.Open(Preopen, "a.txt", O.Creat | O.Excl);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal(4, fd);
        Assert.Equal((Errno.Success, 11u), h.Write(fd, "hello world"));
        var pos = h.Alloc(8);
        Assert.Equal(Errno.Success, h.Call("fd_seek", (ulong)fd, 6, 0, pos));
        Assert.Equal(6ul, h.ReadU64(pos));
        Assert.Equal((Errno.Success, "world"), h.Read(fd));
        Assert.Equal(Errno.Success, h.Call("fd_tell", (ulong)fd, pos));
        Assert.Equal(11ul, h.ReadU64(pos));
        Assert.Equal(Errno.Inval, h.Call("fd_seek", (ulong)fd, unchecked((ulong)-20L), 1, pos));
        Assert.Equal("hello world", File.ReadAllText(_dir.Combine("a.txt")));
        Assert.Equal(Errno.Exist, h.Open(Preopen, "a.txt", O.Creat | O.Excl).Errno);
    }

    [Fact]
    public void PreadPwrite_DoNotMoveOffset()
    {
        File.WriteAllText(_dir.Combine("p.txt"), "0123456789");
        using var h = Harness();
        var (_, fd) = h.Open(Preopen, "p.txt");
        var (s, l) = h.Str("AB");
        var (iovs, n) = h.Iovecs([(uint)s, (uint)l]);
        var count = h.Alloc(4);
        Assert.Equal(Errno.Success, h.Call("fd_pwrite", (ulong)fd, iovs, n, 4, count));
        var buf = h.Alloc(4);
        var (riovs, rn) = h.Iovecs([buf, 4]);
        Assert.Equal(Errno.Success, h.Call("fd_pread", (ulong)fd, riovs, rn, 3, count));
        Assert.Equal("3AB6", h.ReadString(buf, 4));
        var pos = h.Alloc(8);
        h.Call("fd_tell", (ulong)fd, pos);
        Assert.Equal(0ul, h.ReadU64(pos));
    }

    [Fact]
    public void FdReaddir_WritesExactDirentLayoutWithCookies()
    {
        File.WriteAllText(_dir.Combine("f"), "x");
        Directory.CreateDirectory(_dir.Combine("dd"));
        using var h = Harness();
        var buf = h.Alloc(4096);
        var used = h.Alloc(4);
        Assert.Equal(Errno.Success, h.Call("fd_readdir", Preopen, buf, 4096, 0, used));
        var entries = ParseDirents(h, buf, h.ReadU32(used));
        Assert.Equal(4, entries.Count);
        Assert.Equal((1ul, ".", (byte)3), (entries[0].Next, entries[0].Name, entries[0].Type));
        Assert.Equal((2ul, "..", (byte)3), (entries[1].Next, entries[1].Name, entries[1].Type));
        var rest = entries.Skip(2).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(("dd", (byte)3), (rest[0].Name, rest[0].Type));
        Assert.Equal(("f", (byte)4), (rest[1].Name, rest[1].Type));
        Assert.Equal(new[] { 3ul, 4ul }, entries.Skip(2).Select(e => e.Next).ToArray());
        Assert.All(entries, e => Assert.NotEqual(0ul, e.Inode));

        // Resume at cookie 3: only the last entry.
        Assert.Equal(Errno.Success, h.Call("fd_readdir", Preopen, buf, 4096, 3, used));
        var tail = ParseDirents(h, buf, h.ReadU32(used));
        Assert.Single(tail);
        Assert.Equal(entries[3].Name, tail[0].Name);

        // A buffer that holds 1.5 entries: filled completely (bufused == buf_len means "more").
        Assert.Equal(Errno.Success, h.Call("fd_readdir", Preopen, buf, 30, 0, used));
        Assert.Equal(30u, h.ReadU32(used));
    }

    [Fact]
    public void Stat_ReportsTypeSizeAndLinks()
    {
        File.WriteAllText(_dir.Combine("s.txt"), "12345");
        using var h = Harness();
        var st = h.Alloc(64);
        var (p, l) = h.Str("s.txt");
        Assert.Equal(Errno.Success, h.Call("path_filestat_get", Preopen, 1, p, l, st));
        Assert.Equal(4, h.Memory[st + 16]);
        Assert.Equal(1ul, h.ReadU64(st + 24));
        Assert.Equal(5ul, h.ReadU64(st + 32));
        Assert.NotEqual(0ul, h.ReadU64(st + 8));
        var (_, fd) = h.Open(Preopen, "s.txt");
        Assert.Equal(Errno.Success, h.Call("fd_filestat_set_size", (ulong)fd, 2));
        Assert.Equal(Errno.Success, h.Call("fd_filestat_get", (ulong)fd, st));
        Assert.Equal(2ul, h.ReadU64(st + 32));
    }

    [Fact]
    public void SetTimes_ExplicitNowAndOmit()
    {
        File.WriteAllText(_dir.Combine("t.txt"), "x");
        using var h = Harness();
        var (p, l) = h.Str("t.txt");
        const ulong atim = 1_000_000_000_000_000_005, mtim = 1_200_000_000_000_000_007;
        Assert.Equal(Errno.Success, h.Call("path_filestat_set_times", Preopen, 1, p, l, atim, mtim, 1 | 4));
        var st = h.Alloc(64);
        h.Call("path_filestat_get", Preopen, 1, p, l, st);
        Assert.Equal(atim, h.ReadU64(st + 40));
        Assert.Equal(mtim, h.ReadU64(st + 48));
        Assert.Equal(Errno.Success, h.Call("path_filestat_set_times", Preopen, 1, p, l, 0, 0, 8)); // MTIM_NOW, atime omitted
        h.Call("path_filestat_get", Preopen, 1, p, l, st);
        Assert.Equal(atim, h.ReadU64(st + 40));
        Assert.True(h.ReadU64(st + 48) > 1_600_000_000_000_000_000);
        Assert.Equal(Errno.Inval, h.Call("path_filestat_set_times", Preopen, 1, p, l, 0, 0, 1 | 2));
    }

    [Fact]
    public void DirectoryLifecycle_MkdirRenameUnlinkRmdir()
    {
        using var h = Harness();
        Assert.Equal(Errno.Success, h.PathCall("path_create_directory", Preopen, "d"));
        Assert.Equal(Errno.Exist, h.PathCall("path_create_directory", Preopen, "d"));
        var (_, fd) = h.Open(Preopen, "d/f", O.Creat);
        h.Call("fd_close", (ulong)fd);
        Assert.Equal(Errno.NotEmpty, h.PathCall("path_remove_directory", Preopen, "d"));
        Assert.Equal(Errno.IsDir, h.PathCall("path_unlink_file", Preopen, "d"));
        var (o, ol) = h.Str("d/f");
        var (n, nl) = h.Str("g");
        Assert.Equal(Errno.Success, h.Call("path_rename", Preopen, o, ol, Preopen, n, nl));
        Assert.True(File.Exists(_dir.Combine("g")));
        Assert.Equal(Errno.Success, h.PathCall("path_unlink_file", Preopen, "g"));
        Assert.Equal(Errno.Success, h.PathCall("path_remove_directory", Preopen, "d"));
        Assert.False(Directory.Exists(_dir.Combine("d")));
        Assert.Equal(Errno.Inval, h.PathCall("path_remove_directory", Preopen, "."));
        Assert.Equal(Errno.Success, h.PathCall("path_create_directory", Preopen, "e"));
        Assert.Equal(Errno.NotEmpty, h.PathCall("path_remove_directory", Preopen, "e/.."));
    }

    [Fact]
    public void OpenedDirectory_ResolvesRelativeToItself()
    {
        Directory.CreateDirectory(_dir.Combine("x/y"));
        File.WriteAllText(_dir.Combine("x/y/z.txt"), "zz");
        using var h = Harness();
        var (errno, dirFd) = h.Open(Preopen, "x", O.Directory, rights: WasiHarness.ReadOnlyRights);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal(Errno.NotCapable, h.Open(dirFd, "y/z.txt").Errno); // asks for more than dirFd inherits
        var (e2, fd) = h.Open(dirFd, "y/z.txt", rights: WasiHarness.ReadOnlyRights);
        Assert.Equal(Errno.Success, e2);
        Assert.Equal((Errno.Success, "zz"), h.Read(fd));
        Assert.Equal(Errno.Success, h.Open(dirFd, "../x/y/z.txt", rights: WasiHarness.ReadOnlyRights).Errno);
        Assert.Equal(Errno.Perm, h.Open(dirFd, "../../outside", rights: WasiHarness.ReadOnlyRights).Errno);
        Assert.Equal(Errno.NotDir, h.Open(fd, "any").Errno);
        Assert.Equal(Errno.NotDir, h.Open(Preopen, "x/y/z.txt", O.Directory).Errno);
    }

    [Fact]
    public void SymlinkReadlinkLink_InsidePreopen()
    {
        File.WriteAllText(_dir.Combine("target.txt"), "T");
        using var h = Harness();
        var (t, tl) = h.Str("target.txt");
        var (l, ll) = h.Str("link");
        Assert.Equal(Errno.Success, h.Call("path_symlink", t, tl, Preopen, l, ll));
        var buf = h.Alloc(64);
        var used = h.Alloc(4);
        Assert.Equal(Errno.Success, h.Call("path_readlink", Preopen, l, ll, buf, 64, used));
        Assert.Equal("target.txt", h.ReadString(buf, (int)h.ReadU32(used)));
        Assert.Equal((Errno.Success, "T"), h.Read(h.Open(Preopen, "link").Fd));
        Assert.Equal(Errno.Loop, h.Open(Preopen, "link", lookup: 0).Errno);

        var (hd, hl) = h.Str("hard");
        Assert.Equal(Errno.Success, h.Call("path_link", Preopen, 0, t, tl, Preopen, hd, hl));
        var st = h.Alloc(64);
        h.Call("path_filestat_get", Preopen, 0, hd, hl, st);
        Assert.Equal(2ul, h.ReadU64(st + 24));
        var (abs, absl) = h.Str("/etc/passwd");
        var (a, al) = h.Str("abs");
        Assert.Equal(Errno.Perm, h.Call("path_symlink", abs, absl, Preopen, a, al));
    }

    [Fact]
    public void Rights_MissingRight_IsNotCapable()
    {
        File.WriteAllText(_dir.Combine("r.txt"), "r");
        using var h = Harness();
        var (_, fd) = h.Open(Preopen, "r.txt", rights: 1ul << 1); // FD_READ only
        Assert.Equal(Errno.NotCapable, h.Write(fd, "x").Errno);
        Assert.Equal(Errno.NotCapable, h.Call("fd_seek", (ulong)fd, 0, 0, h.Alloc(8)));
        Assert.Equal(Errno.NotCapable, h.Call("fd_fdstat_set_rights", (ulong)fd, (1ul << 1) | (1ul << 6), 0));
        Assert.Equal(Errno.Success, h.Call("fd_fdstat_set_rights", (ulong)fd, 0, 0));
        Assert.Equal(Errno.NotCapable, h.Read(fd).Errno);

        // A directory without PATH_CREATE_DIRECTORY cannot mkdir.
        var st = h.Alloc(24);
        h.Call("fd_fdstat_get", Preopen, st);
        var rights = h.ReadU64(st + 8) & ~(1ul << 9);
        Assert.Equal(Errno.Success, h.Call("fd_fdstat_set_rights", Preopen, rights, h.ReadU64(st + 16)));
        Assert.Equal(Errno.NotCapable, h.PathCall("path_create_directory", Preopen, "nope"));
    }

    [Fact]
    public void Renumber_MovesDescriptorAndClosesTarget()
    {
        using var h = Harness();
        var (_, a) = h.Open(Preopen, "a", O.Creat);
        var (_, b) = h.Open(Preopen, "b", O.Creat);
        Assert.Equal(Errno.Success, h.Call("fd_renumber", (ulong)a, (ulong)b));
        Assert.Equal(Errno.Badf, h.Call("fd_fdstat_get", (ulong)a, h.Alloc(24)));
        Assert.Equal((Errno.Success, 1u), h.Write(b, "x"));
        Assert.Equal("x", File.ReadAllText(_dir.Combine("a")));
        Assert.Equal(Errno.Badf, h.Call("fd_renumber", (ulong)b, 77));
    }

    [Fact]
    public void Append_WritesAtEndAfterSeek()
    {
        File.WriteAllText(_dir.Combine("log"), "12");
        using var h = Harness();
        var (_, fd) = h.Open(Preopen, "log", fdflags: 1);
        h.Call("fd_seek", (ulong)fd, 0, 0, h.Alloc(8));
        h.Write(fd, "34");
        Assert.Equal("1234", File.ReadAllText(_dir.Combine("log")));
        var st = h.Alloc(24);
        h.Call("fd_fdstat_get", (ulong)fd, st);
        Assert.Equal(1, h.Memory[st + 2]);
        Assert.Equal(Errno.Success, h.Call("fd_fdstat_set_flags", (ulong)fd, 0));
        h.Call("fd_seek", (ulong)fd, 0, 0, h.Alloc(8));
        h.Write(fd, "ab");
        Assert.Equal("ab34", File.ReadAllText(_dir.Combine("log")));
    }

    [Fact]
    public void ReadOnlyPreopen_ReadsButRefusesMutationWithPerm()
    {
        File.WriteAllText(_dir.Combine("data.txt"), "data");
        using var h = new WasiHarness(new WasiConfiguration { Preopens = [new WasiPreopen(_dir.Path, "/", ReadOnly: true)] });
        var (errno, fd) = h.Open(Preopen, "data.txt", rights: 1ul << 1);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal((Errno.Success, "data"), h.Read(fd));
        Assert.Equal(Errno.Perm, h.Open(Preopen, "data.txt").Errno); // asks for FD_WRITE
        Assert.Equal(Errno.Perm, h.Open(Preopen, "new.txt", O.Creat, rights: 1ul << 1).Errno);
        Assert.Equal(Errno.Perm, h.PathCall("path_create_directory", Preopen, "d"));
        Assert.Equal(Errno.Perm, h.PathCall("path_unlink_file", Preopen, "data.txt"));
        Assert.Equal(Errno.Perm, h.Call("fd_filestat_set_times", Preopen, 0, 0, 2 | 8));
        Assert.True(File.Exists(_dir.Combine("data.txt")));
        Assert.False(File.Exists(_dir.Combine("new.txt")));
    }

    [Fact]
    public void PathOpen_InvalidUtf8_IsIlseq()
    {
        using var h = Harness();
        var p = h.Alloc(2);
        h.Memory[p] = 0xC3;
        h.Memory[p + 1] = 0x28;
        Assert.Equal(Errno.Ilseq, h.Call("path_open", Preopen, 1, p, 2, 0, 2, 2, 0, h.Alloc(4)));
    }

    [Fact]
    public void WasiContext_Creation_TouchesNoFiles()
    {
        // A preopen that does not exist: creating the context must not look at it.
        var config = new WasiConfiguration { Preopens = [new WasiPreopen("/no/such/dir", "/")] };
        using var context = new WasiContext(config);
        Assert.NotNull(context);
    }

    private WasiHarness Harness() =>
        new(new WasiConfiguration { Preopens = [new WasiPreopen(_dir.Path, "/sandbox")] });

    private static List<(ulong Next, ulong Inode, string Name, byte Type)> ParseDirents(WasiHarness h, uint buf, uint used)
    {
        var list = new List<(ulong, ulong, string, byte)>();
        var at = buf;
        while (at + 24 <= buf + used)
        {
            var next = h.ReadU64(at);
            var ino = h.ReadU64(at + 8);
            var len = h.ReadU32(at + 16);
            var type = h.Memory[at + 20];
            list.Add((next, ino, Encoding.UTF8.GetString(h.Memory, (int)at + 24, (int)len), type));
            at += 24 + len;
        }

        return list;
    }
}
