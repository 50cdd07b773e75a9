using System.Diagnostics;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>`nomad-wasm run` as a real process: argv, stdio inheritance, exit codes, trap report.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void Run_PassesArgsEnvAndModuleNameAsArgv0()
    {
        var (code, stdout, _) = NomadWasm("run", "--env", "A=1", "--env=B=two", Fixture("args_env"), "x", "--not-an-option");
        Assert.Equal(0, code);
        Assert.Equal("argc=3\nargv[0]=args_env.wasm\nargv[1]=x\nargv[2]=--not-an-option\nenv[0]=A=1\nenv[1]=B=two\nenvc=2\n", stdout);
    }

    [Fact]
    public void Run_InheritsStdio()
    {
        var (code, stdout, stderr) = NomadWasm(["run", Fixture("stdio")], stdin: "abc");
        Assert.Equal(0, code);
        Assert.Equal("ABC\ntotal=3\n", stdout);
        Assert.Equal("stderr: read 3 bytes\n", stderr);
    }

    // Each case starts a process (~1 s), so only one code here; ProgramTests covers 0 and 125 in-process.
    [Fact]
    public void Run_ExitCodeIsGuestExitCode() =>
        Assert.Equal(7, NomadWasm("run", Fixture("exit_code"), "7").Code);

    [Fact]
    public void Run_ExitCodeOf126OrMore_IsRefusedAsWasmtimeDoes()
    {
        var (code, _, stderr) = NomadWasm("run", Fixture("exit_code"), "200");
        Assert.Equal(1, code);
        Assert.Contains("invalid exit status outside of [0..126)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Trap_PrintsTrapAndFunctionAndExits134()
    {
        var (code, stdout, stderr) = NomadWasm("run", Fixture("exit_code"), "trap");
        Assert.Equal(134, code);
        Assert.Equal("about to trap\n", stdout);
        Assert.Contains("wasm trap: unreachable", stderr, StringComparison.Ordinal);
        Assert.Contains("error while executing at wasm function func[", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DirHostGuest_PreopensDirectory()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = NomadWasm("run", "--dir", dir.Path + "::/sandbox", Fixture("fs_tour"), "/sandbox");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(WasiProgram.Fixtures, "fs_tour.native.txt")), stdout);
    }

    [Fact]
    public void Run_DirHostOnly_UsesHostPathAsGuestPath()
    {
        using var dir = new TempDirectory();
        var (code, stdout, _) = NomadWasm("run", "--dir", dir.Path, Fixture("fs_tour"), dir.Path);
        Assert.Equal(0, code);
        Assert.EndsWith("done\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "--dir" }, "needs a value")]
    [InlineData(new[] { "run", "--bogus", "x.wasm" }, "unknown option '--bogus'")]
    public void Run_BadInvocation_NamesTheProblem(string[] args, string expected)
    {
        var (code, _, stderr) = NomadWasm(args);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingPreopen_NamesIt()
    {
        var (code, _, stderr) = NomadWasm("run", "--dir", "/no/such/dir::/x", Fixture("stdio"));
        Assert.Equal(1, code);
        Assert.Contains("/no/such/dir", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NotAWasmFile_ReportsLoadError()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("bad.wasm");
        File.WriteAllText(path, "not wasm");
        var (code, _, stderr) = NomadWasm("run", path);
        Assert.Equal(1, code);
        Assert.Contains("failed to load module", stderr, StringComparison.Ordinal);
    }

    private static string Fixture(string name) => Path.Combine(WasiProgram.Fixtures, name + ".wasm");

    private static (int Code, string Stdout, string Stderr) NomadWasm(params string[] args) => NomadWasm(args, stdin: "");

    private static (int Code, string Stdout, string Stderr) NomadWasm(string[] args, string stdin)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nomad-wasm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "nomad-wasm did not exit");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
