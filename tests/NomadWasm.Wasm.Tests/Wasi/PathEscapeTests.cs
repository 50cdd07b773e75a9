using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>Every way out of a preopen fails; the same shapes staying inside succeed.</summary>
public sealed class PathEscapeTests : IDisposable
{
    private const int Preopen = 3;
    private readonly TempDirectory _outer = new();
    private readonly string _root;

    public PathEscapeTests()
    {
        _root = _outer.Combine("root");
        Directory.CreateDirectory(System.IO.Path.Combine(_root, "sub"));
        File.WriteAllText(_outer.Combine("secret.txt"), "secret");
        File.WriteAllText(System.IO.Path.Combine(_root, "sub", "inside.txt"), "inside");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "up"), "..");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "sub", "upup"), "../..");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "abs"), "/etc");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "secretlink"), "../secret.txt");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "sub", "back"), "..");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "loop1"), "loop2");
        File.CreateSymbolicLink(System.IO.Path.Combine(_root, "loop2"), "loop1");
    }

    public static TheoryData<string, Errno> Escapes => new()
    {
        { "../secret.txt", Errno.Perm },
        { "sub/../../secret.txt", Errno.Perm },
        { "/etc/passwd", Errno.Perm },
        { "..", Errno.Perm },
        { "up/secret.txt", Errno.Perm },
        { "sub/upup/secret.txt", Errno.Perm },
        { "abs/passwd", Errno.Perm },
        { "secretlink", Errno.Perm },
        { "sub/back/../secret.txt", Errno.Perm },
        { "loop1", Errno.Loop },
        { "", Errno.NoEnt },
    };

    public static TheoryData<string, string> Inside => new()
    {
        { "sub/inside.txt", "inside" },
        { "sub/../sub/./inside.txt", "inside" },
        { "sub/back/sub/inside.txt", "inside" },
        { "./sub//inside.txt", "inside" },
    };

    public void Dispose() => _outer.Dispose();

    [Theory]
    [MemberData(nameof(Escapes))]
    public void PathOpen_Escape_Fails(string path, Errno expected)
    {
        using var h = Harness();
        Assert.Equal(expected, h.Open(Preopen, path).Errno);
    }

    [Theory]
    [MemberData(nameof(Escapes))]
    public void PathFilestatGet_Escape_Fails(string path, Errno expected)
    {
        using var h = Harness();
        var (p, l) = h.Str(path);
        Assert.Equal(expected, h.Call("path_filestat_get", Preopen, 1, p, l, h.Alloc(64)));
    }

    [Theory]
    [MemberData(nameof(Inside))]
    public void PathOpen_StayingInside_Succeeds(string path, string content)
    {
        using var h = Harness();
        var (errno, fd) = h.Open(Preopen, path);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal((Errno.Success, content), h.Read(fd));
    }

    [Fact]
    public void GuestCreatedSymlinkOut_CannotBeFollowed()
    {
        using var h = Harness();
        var (t, tl) = h.Str("../secret.txt");
        var (l, ll) = h.Str("mine");
        Assert.Equal(Errno.Success, h.Call("path_symlink", t, tl, Preopen, l, ll));
        Assert.Equal(Errno.Perm, h.Open(Preopen, "mine").Errno);
        Assert.Equal(Errno.Perm, h.Open(Preopen, "mine", WasiHarness.OFlagsArg.Creat).Errno);

        // Not following the final link is allowed: lstat, readlink and unlink see the link itself.
        var st = h.Alloc(64);
        Assert.Equal(Errno.Success, h.Call("path_filestat_get", Preopen, 0, l, ll, st));
        Assert.Equal(7, h.Memory[st + 16]);
        Assert.Equal(Errno.Success, h.PathCall("path_unlink_file", Preopen, "mine"));
        Assert.True(File.Exists(_outer.Combine("secret.txt")));
    }

    [Fact]
    public void OpenedDirectory_SwappedForSymlinkOut_IsNotFollowed()
    {
        using var h = Harness();
        Assert.Equal(Errno.Success, h.PathCall("path_create_directory", Preopen, "d"));
        var (errno, dirFd) = h.Open(Preopen, "d", WasiHarness.OFlagsArg.Directory, rights: WasiHarness.ReadOnlyRights);
        Assert.Equal(Errno.Success, errno);

        // Rename the opened directory away and put a symlink to the outside in its place.
        var (o, ol) = h.Str("d");
        var (n, nl) = h.Str("moved");
        Assert.Equal(Errno.Success, h.Call("path_rename", Preopen, o, ol, Preopen, n, nl));
        var (t, tl) = h.Str("..");
        Assert.Equal(Errno.Success, h.Call("path_symlink", t, tl, Preopen, o, ol));

        Assert.Equal(Errno.Perm, h.Open(dirFd, "secret.txt", rights: WasiHarness.ReadOnlyRights).Errno);
        Assert.Equal(Errno.Perm, h.Call("fd_readdir", (ulong)dirFd, h.Alloc(256), 256, 0, h.Alloc(4)));
        Assert.Equal(Errno.Perm, h.Call("fd_filestat_get", (ulong)dirFd, h.Alloc(64)));
    }

    [Fact]
    public void MutationsThroughEscapes_Fail()
    {
        using var h = Harness();
        Assert.Equal(Errno.Perm, h.PathCall("path_create_directory", Preopen, "../evil"));
        Assert.Equal(Errno.Perm, h.PathCall("path_create_directory", Preopen, "up/evil"));
        Assert.Equal(Errno.Perm, h.PathCall("path_unlink_file", Preopen, "up/secret.txt"));
        var (o, ol) = h.Str("sub/inside.txt");
        var (n, nl) = h.Str("../stolen.txt");
        Assert.Equal(Errno.Perm, h.Call("path_rename", Preopen, o, ol, Preopen, n, nl));
        Assert.Equal(Errno.Perm, h.Call("path_link", Preopen, 0, o, ol, Preopen, n, nl));
        Assert.False(Directory.Exists(_outer.Combine("evil")));
        Assert.False(File.Exists(_outer.Combine("stolen.txt")));
        Assert.True(File.Exists(_outer.Combine("secret.txt")));
    }

    private WasiHarness Harness() => new(new WasiConfiguration { Preopens = [new WasiPreopen(_root, "/")] });
}
