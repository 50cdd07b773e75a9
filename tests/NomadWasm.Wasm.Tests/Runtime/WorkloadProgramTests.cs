using System.Diagnostics;
using System.Globalization;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;
using static NomadWasm.Wasm.Tests.Runtime.TestModules;

namespace NomadWasm.Wasm.Tests.Runtime;

/// <summary>
/// Runs Programs/workload.c compiled to wasm by clang (Programs/build.sh) and compares every result
/// with the same C code compiled natively and run here.
/// </summary>
public sealed class WorkloadProgramTests
{
    private static readonly string ProgramsDirectory = FindProgramsDirectory();

    public static TheoryData<string> Cases => new(NativeResults.Value.Select(r => r.Key));

    private static readonly Lazy<Dictionary<string, (string Argument, string Result)>> NativeResults = new(RunNative);

    private static readonly Lazy<Instance> Workload = new(() =>
    {
        var module = SharedEngine.Compile(File.ReadAllBytes(Path.Combine(ProgramsDirectory, "workload.wasm")));
        return new Linker(SharedEngine).Prepare(module).Instantiate(new Store(SharedEngine));
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Export_SameInputAsNative_SameResult(string key)
    {
        var (argument, expected) = NativeResults.Value[key];
        var name = key.Split(' ')[0];
        var instance = Workload.Value;
        var arg = long.Parse(argument, CultureInfo.InvariantCulture);
        var actual = name switch
        {
            "sort_checksum" => ((uint)instance.CallI32("sort_checksum", I32((int)arg), I32(0))).ToString(CultureInfo.InvariantCulture),
            "sort_checksum_desc" => ((uint)instance.CallI32("sort_checksum", I32((int)arg), I32(1))).ToString(CultureInfo.InvariantCulture),
            "fib" or "mix64" => ((ulong)instance.CallI64(name, name == "fib" ? I32((int)arg) : I64(arg))).ToString(CultureInfo.InvariantCulture),
            "to_float" => instance.Call(name, I64(arg))[0].F32Bits.ToString(CultureInfo.InvariantCulture),
            "fill_sum" => ((uint)instance.CallI32(name, I32((int)arg))).ToString(CultureInfo.InvariantCulture),
            _ => instance.CallI32(name, I32((int)arg)).ToString(CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, actual);
    }

    private static Dictionary<string, (string, string)> RunNative()
    {
        var dir = Directory.CreateTempSubdirectory("nomadwasm-native-");
        try
        {
            var exe = Path.Combine(dir.FullName, "native");
            WasmTools.Run("clang-14", ["-O2", "-Wno-unknown-attributes", "-o", exe, Path.Combine(ProgramsDirectory, "native_main.c")]);
            var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var results = new Dictionary<string, (string, string)>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split(' ');
                results[$"{parts[0]} {parts[1]}"] = (parts[1], parts[2]);
            }

            return results;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string FindProgramsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NomadWasm.Wasm.Tests", "Runtime", "Programs");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/NomadWasm.Wasm.Tests/Runtime/Programs not found above the test binaries");
    }
}
