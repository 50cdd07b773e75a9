using System.Diagnostics;
using System.Globalization;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;
using Xunit.Abstractions;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

/// <summary>
/// Instantiates Programs/big_app.wasm (clang + wasi-libc, ~145 KB, 222 functions, 200+ table
/// entries) many times. Checks each instance works and reports the mean instantiation time
/// (reported, never asserted).
/// </summary>
public sealed class InstantiationTests(ITestOutputHelper output)
{
    private static readonly string Programs = Path.GetDirectoryName(FindFile("big_app.wasm"))!;

    [Fact]
    public void Instantiate_ClangModuleRepeatedly_EachInstanceIndependentAndCorrect()
    {
        var module = SharedEngine.Compile(File.ReadAllBytes(Path.Combine(Programs, "big_app.wasm")));
        var linker = new Linker(SharedEngine);
        foreach (var import in module.Imports)
        {
            var type = module.Module.Types[import.FunctionTypeIndex];
            linker.DefineFunction(import.Module, import.Name, type, (_, _, results) =>
            {
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = Value.Default(type.Results[i]);
                }
            });
        }

        var pre = linker.Prepare(module);
        var expected = NativeRun();
        var first = pre.Instantiate(new Store(SharedEngine));
        Assert.Equal(expected, (uint)first.CallI32("run", I32(1)));

        const int warmup = 50, rounds = 300;
        for (var i = 0; i < warmup; i++)
        {
            using var s = new Store(SharedEngine);
            pre.Instantiate(s);
        }

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            using var s = new Store(SharedEngine);
            pre.Instantiate(s);
        }

        stopwatch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"big_app.wasm: {stopwatch.Elapsed.TotalMicroseconds / rounds:F1} µs per instantiation (store + instance + dispose), {rounds} rounds"));

        // A fresh instance does not see the first one's state.
        var second = pre.Instantiate(new Store(SharedEngine));
        Assert.Equal(expected, (uint)second.CallI32("run", I32(1)));
    }

    private static uint NativeRun()
    {
        var dir = Directory.CreateTempSubdirectory("nomadwasm-native-");
        try
        {
            var exe = Path.Combine(dir.FullName, "big");
            WasmTools.Run("clang-14", ["-O2", "-Wno-unknown-attributes", "-o", exe, Path.Combine(Programs, "big_app.c")]);
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return uint.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string FindFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NomadWasm.Wasm.Tests", "Runtime", "Programs", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }
}
