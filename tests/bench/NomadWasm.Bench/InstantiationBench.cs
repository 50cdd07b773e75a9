using System.Diagnostics;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Bench;

internal sealed record InstantiationResult(int Iterations, double FirstCompileMs, double SecondCompileMs, double MedianUs, double P90Us);

/// <summary>
/// Compile time and InstancePre.Instantiate time of a clang-built WASI module. Every import is a
/// stub host function (instantiation never calls them), so only the engine's own work is timed;
/// a new Store per instance, created outside the timed region, as a per-request host would.
/// </summary>
internal static class InstantiationBench
{
    public static InstantiationResult Run(string path, int iterations)
    {
        var wasm = File.ReadAllBytes(path);
        var engine = new Engine(new EngineConfig());
        var sw = Stopwatch.StartNew();
        var module = EngineCompat.Compile(engine, wasm);
        var firstCompile = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        _ = EngineCompat.Compile(engine, wasm);
        var secondCompile = sw.Elapsed.TotalMilliseconds;

        var linker = new Linker(engine);
        var decoded = ModuleDecoder.Decode(wasm);
        foreach (var import in decoded.Imports)
        {
            if (import.Kind != ExternKind.Function)
            {
                throw new InvalidOperationException($"cannot stub import {import}");
            }

            var name = import.Name;
            linker.DefineFunction(import.Module, import.Name, decoded.Types[import.FunctionTypeIndex],
                (caller, args, results) => throw new InvalidOperationException($"stub {name} called during instantiation"));
        }

        var pre = linker.Prepare(module);
        for (var i = 0; i < Math.Min(200, iterations); i++)
        {
            using var warm = new Store(engine);
            _ = pre.Instantiate(warm);
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            using var store = new Store(engine);
            var t0 = Stopwatch.GetTimestamp();
            _ = pre.Instantiate(store);
            samples[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }

        Array.Sort(samples);
        return new InstantiationResult(iterations, firstCompile, secondCompile, samples[iterations / 2], samples[iterations * 9 / 10]);
    }
}
