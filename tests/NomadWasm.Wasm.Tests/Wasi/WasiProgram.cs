using System.Collections.Concurrent;
using System.Text;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>Runs a C fixture from tests/fixtures/c/wasi end to end: decode, compile, link WASI, _start.</summary>
internal static class WasiProgram
{
    private static readonly Engine Engine = new();
    private static readonly ConcurrentDictionary<string, InstancePre> Prepared = new();
    private static readonly Lazy<string> FixtureDirectory = new(FindFixtures);

    public static string Fixtures => FixtureDirectory.Value;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string name, IReadOnlyList<string>? args = null, IReadOnlyList<WasiPreopen>? preopens = null, string stdin = "", IReadOnlyList<KeyValuePair<string, string>>? env = null)
    {
        var pre = Prepared.GetOrAdd(name, static n =>
        {
            var bytes = File.ReadAllBytes(System.IO.Path.Combine(FixtureDirectory.Value, n + ".wasm"));
            var module = Engine.Compile(ModuleDecoder.Decode(bytes));
            return WasiPreview1.AddTo(new Linker(Engine)).Prepare(module);
        });
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var config = new WasiConfiguration
        {
            Arguments = [name + ".wasm", .. args ?? []],
            Environment = env ?? [],
            Stdin = new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            Stdout = stdout,
            Stderr = stderr,
            Preopens = preopens ?? [],
        };
        using var context = new WasiContext(config);
        using var store = new Store(Engine) { Data = context };
        var instance = pre.Instantiate(store);
        var code = WasiCommand.Run(instance);
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "c", "wasi");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/c/wasi not found above " + AppContext.BaseDirectory);
    }
}
