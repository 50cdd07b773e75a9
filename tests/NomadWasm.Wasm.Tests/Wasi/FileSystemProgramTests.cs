using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>The file-system C fixtures, run on the engine against real host directories.</summary>
public sealed class FileSystemProgramTests
{
    [Fact]
    public void FsTour_MatchesNativeRun()
    {
        using var dir = new TempDirectory();
        var result = WasiProgram.Run("fs_tour", ["/sandbox"], [new WasiPreopen(dir.Path, "/sandbox")]);
        Assert.Equal(0, result.ExitCode);
        var native = File.ReadAllText(System.IO.Path.Combine(WasiProgram.Fixtures, "fs_tour.native.txt"));
        Assert.Equal(native, result.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Stdio_MatchesNativeRun()
    {
        var result = WasiProgram.Run("stdio", stdin: "hello wasi\nline two");
        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(WasiProgram.Fixtures, "stdio.native.txt")), result.Stdout);
    }

    [Fact]
    public void Clocks_MatchesNativeRun()
    {
        var result = WasiProgram.Run("clocks");
        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(WasiProgram.Fixtures, "clocks.native.txt")), result.Stdout);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("/")]
    public void Relative_StdioThroughPreopenMatchesNativeRun(string guestName)
    {
        using var work = new TempDirectory();
        using var other = new TempDirectory();
        File.WriteAllText(other.Combine("other.txt"), "from the other preopen\n");
        var result = WasiProgram.Run("relative", ["/other"], [new WasiPreopen(work.Path, guestName), new WasiPreopen(other.Path, "/other")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(WasiProgram.Fixtures, "relative.native.txt")), result.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public void Escape_EveryAttemptFails()
    {
        using var outer = new TempDirectory();
        var root = outer.Combine("root");
        Directory.CreateDirectory(root);
        File.WriteAllText(outer.Combine("secret.txt"), "secret");
        var result = WasiProgram.Run("escape", ["/data", "secret.txt"], [new WasiPreopen(root, "/data")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            dotdot open: EPERM
            nested dotdot: EPERM
            dotdot stat: EPERM
            absolute: ENOTCAPABLE
            mkdir above: EPERM
            symlink up then dotdot: EPERM
            intermediate symlink out: EPERM
            final symlink out: EPERM
            stat final symlink out: EPERM
            lstat final symlink (allowed): OK
            absolute symlink create: EPERM
            write through symlink out: EPERM
            symlink loop: ELOOP
            rename out: EPERM
            link out: EPERM
            inside via dotdot: OK

            """,
            result.Stdout);
        Assert.Equal(["secret.txt", "root"], Directory.EnumerateFileSystemEntries(outer.Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public void ReadOnly_ReadsWorkMutationsFailWithEperm()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("data.txt"), "static asset\n");
        var result = WasiProgram.Run("readonly", ["/"], [new WasiPreopen(dir.Path, "/", ReadOnly: true)]);
        Assert.Equal(
            """
            open read: OK
            read: OK
            data: static asset
            write on read fd: EBADF
            open write: EPERM
            open rdwr: EPERM
            open append: EPERM
            create: EPERM
            truncate open: EPERM
            mkdir: EPERM
            unlink: EPERM
            rename: EPERM
            symlink: EPERM
            link: EPERM
            utimensat: EPERM
            stat: OK
            data still there: OK

            """,
            result.Stdout);
        Assert.Equal(["data.txt"], Directory.EnumerateFileSystemEntries(dir.Path).Select(System.IO.Path.GetFileName));
        Assert.Equal("static asset\n", File.ReadAllText(dir.Combine("data.txt")));
    }
}
