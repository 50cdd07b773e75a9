using System.Text;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Tests.Support;
using NomadWasm.Wasm.Wasi.Preview1;
using Path = System.IO.Path;

namespace NomadWasm.Wasm.Tests.Programs;

/// <summary>
/// Runs every C fixture (tests/fixtures/c/*.wasm, built by clang-14 for wasm32-wasi) on the engine
/// with WASI preview 1 and compares stdout and the exit status byte for byte with the golden files
/// the native gcc -O2 build of the same source produced (c/&lt;name&gt;.out and .exit, written by
/// tests/fixtures/build.sh). The WAT fixtures (wat/*.wasm) have hand-written goldens; an .exit of
/// "trap" means the program must end in a trap after writing its output.
/// </summary>
public sealed class NativeParityTests
{
    private static readonly Engine Engine = new();

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "c", "wat" })
        {
            foreach (var golden in Directory.GetFiles(FixturePaths.Get(dir), "*.out").Order(StringComparer.Ordinal))
            {
                data.Add($"{dir}/{Path.GetFileNameWithoutExtension(golden)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Run_Fixture_MatchesNativeOutputAndExitCode(string fixture)
    {
        var basePath = FixturePaths.Get(fixture.Split('/'));
        var expectedOut = File.ReadAllBytes(basePath + ".out");
        var expectedExit = File.ReadAllText(basePath + ".exit").Trim();

        var (exit, stdout, stderr) = Run(File.ReadAllBytes(basePath + ".wasm"), fixture);

        Assert.True(expectedOut.AsSpan().SequenceEqual(stdout), $"{fixture}: stdout differs from the native build's.\n{FirstDifference(expectedOut, stdout)}\nstderr: {Encoding.UTF8.GetString(stderr)}");
        Assert.Equal(expectedExit, exit);
    }

    [Fact]
    public void Fixtures_AllHaveGoldenFiles()
    {
        // Every built C fixture has its native golden output (build.sh writes both).
        foreach (var wasm in Directory.GetFiles(FixturePaths.Get("c"), "*.wasm"))
        {
            var name = Path.ChangeExtension(wasm, null);
            Assert.True(File.Exists(name + ".out") && File.Exists(name + ".exit"), $"{wasm} has no .out/.exit golden; run tests/fixtures/build.sh");
        }
    }

    private static (string Exit, byte[] Stdout, byte[] Stderr) Run(byte[] wasm, string name)
    {
        var module = ModuleLoader.Compile(Engine, wasm);
        var pre = WasiPreview1.AddTo(new Linker(Engine)).Prepare(module);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var config = new WasiConfiguration { Arguments = [name], Stdout = stdout, Stderr = stderr };
        using var context = new WasiContext(config);
        using var store = new Store(Engine) { Data = context };
        string exit;
        try
        {
            var instance = pre.Instantiate(store);
            exit = WasiCommand.Run(instance).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (TrapException)
        {
            exit = "trap";
        }

        return (exit, stdout.ToArray(), stderr.ToArray());
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of output>";
            var al = i < a.Length ? a[i] : "<end of output>";
            if (el != al)
            {
                return $"first difference at line {i + 1}:\n  native: {el}\n  engine: {al}";
            }
        }

        return "outputs differ only in trailing bytes";
    }
}
