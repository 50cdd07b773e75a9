using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>The C fixtures (tests/fixtures/c/wasi) run end to end on the engine.</summary>
public sealed class ProgramTests
{
    [Fact]
    public void Stdio_UppercasesStdinToStdoutAndReportsOnStderr()
    {
        var result = WasiProgram.Run("stdio", stdin: "hello wasi\nline two");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("HELLO WASI\nLINE TWO\ntotal=19\n", result.Stdout);
        Assert.Equal("stderr: read 19 bytes\n", result.Stderr);
    }

    [Fact]
    public void ArgsEnv_SeesArgvAndEnvironmentInOrder()
    {
        var result = WasiProgram.Run("args_env", ["one", "two words", ""], env: [new("A", "1"), new("QUERY_STRING", "x=y&z")]);
        Assert.Equal(
            "argc=4\nargv[0]=args_env.wasm\nargv[1]=one\nargv[2]=two words\nargv[3]=\nenv[0]=A=1\nenv[1]=QUERY_STRING=x=y&z\nenvc=2\n",
            result.Stdout);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("125", 125)]
    public void ExitCode_ProcExitCodeIsReturned(string arg, int expected)
    {
        var result = WasiProgram.Run("exit_code", [arg]);
        Assert.Equal(expected, result.ExitCode);
        Assert.Equal($"exiting with {expected}\n", result.Stdout);
    }

    [Fact]
    public void ExitCode_Trap_PropagatesWithFunctionName()
    {
        var trap = Assert.Throws<TrapException>(() => WasiProgram.Run("exit_code", ["trap"]));
        Assert.Equal(TrapKind.Unreachable, trap.Kind);
        // wasm-ld 14 + wasm-opt emit no name section, so the function is named by index.
        Assert.StartsWith("func[", trap.FunctionName, StringComparison.Ordinal);
    }

    [Fact]
    public void Clocks_AllChecksPass()
    {
        var result = WasiProgram.Run("clocks");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(12, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Misc_RightsRenumberSocketsAndStdio()
    {
        using var dir = new TempDirectory();
        var result = WasiProgram.Run("misc", ["/work"], [new WasiPreopen(dir.Path, "/work")]);
        Assert.Equal(
            """
            open: OK
            fdstat: 0
            filetype regular: 1
            has write right: 1
            set append: OK
            append flag: 1
            drop write: 0
            write without right: 76
            regain write: 76
            renumber: 0
            old fd closed: 8
            renumber to closed fd: 8
            renumber bad source: 8
            shutdown stdout: ENOTSOCK
            shutdown bad fd: EBADF
            seek stdout: 70
            proc_raise: 52
            sched_yield: 0
            bad clock: 28

            """,
            result.Stdout);
    }
}
