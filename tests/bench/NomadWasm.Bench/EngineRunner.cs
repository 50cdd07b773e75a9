using System.Diagnostics;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Bench;

/// <summary>
/// Runs kernels on this engine in-process: compiles kernels.wasm once, gives each kernel a fresh
/// instance, times every call. The first call includes JIT (tier-0) compilation of the guest's
/// IL; the steady figure is the median of the second half of the runs, after RyuJIT has had the
/// first half (and its background tier-up delay) to promote hot methods.
/// </summary>
internal sealed class EngineRunner
{
    private readonly Engine _engine = new(new EngineConfig());
    private readonly InstancePre _pre;

    public EngineRunner(byte[] wasm)
    {
        var sw = Stopwatch.StartNew();
        var module = EngineCompat.Compile(_engine, wasm);
        CompileMs = sw.Elapsed.TotalMilliseconds;
        _pre = new Linker(_engine).Prepare(module);
    }

    public double CompileMs { get; }

    public Measurement Measure(KernelSpec kernel, int runs)
    {
        using var store = new Store(_engine);
        var instance = _pre.Instantiate(store);
        instance.GetFunction("_initialize")?.Invoke();
        var fn = instance.GetFunction(kernel.Name) ?? throw new InvalidOperationException($"kernels.wasm exports no '{kernel.Name}'");
        var times = new double[runs];
        ulong checksum = 0;
        string? note = null;
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var result = fn.Invoke(Value.FromI32(kernel.Arg));
            times[r] = sw.Elapsed.TotalMilliseconds;
            var c = unchecked((ulong)result[0].I64);
            if (r > 0 && c != checksum)
            {
                note = "checksum changed between runs";
            }

            checksum = c;
            if (r == runs / 2 - 1)
            {
                // Let the tiered JIT's background promotion (100 ms call-counting delay) finish.
                Thread.Sleep(200);
            }
        }

        var warm = runs / 2;
        var steady = times[warm..];
        Array.Sort(steady);
        return new Measurement(times[0], steady[steady.Length / 2], checksum, note);
    }
}
