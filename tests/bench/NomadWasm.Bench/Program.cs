using System.Globalization;

namespace NomadWasm.Bench;

/// <summary>
/// Native vs NomadWasm vs Node on the C kernels in ../kernels, plus compile and instantiation
/// time of a ~100 KB clang-built module. Run through ../run.sh, which builds the kernels first.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var kernels = KernelSpec.Load(Path.Combine(options.Directory, "kernels", "kernels.txt"))
            .Where(k => options.Only.Count == 0 || options.Only.Contains(k.Name))
            .ToList();
        var outDir = Path.Combine(options.Directory, "out");
        var wasmPath = Path.Combine(outDir, "kernels.wasm");
        var nodeRunner = Path.Combine(options.Directory, "kernels", "node-runner.mjs");

        Console.WriteLine($"NomadWasm bench: {kernels.Count} kernels, {options.Runs} runs each (steady = median of the second half), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var engine = new EngineRunner(File.ReadAllBytes(wasmPath));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine compile of kernels.wasm ({new FileInfo(wasmPath).Length / 1024} KB): {engine.CompileMs:F1} ms"));

        var rows = new List<ReportRow>();
        foreach (var kernel in kernels)
        {
            var native = options.SkipNative ? null : ExternalRunner.Run(Path.Combine(outDir, "kernels-native"), [kernel.Name, kernel.Arg.ToString(CultureInfo.InvariantCulture), options.Runs.ToString(CultureInfo.InvariantCulture)]);
            var node = options.SkipNode ? null : ExternalRunner.Run("node", [nodeRunner, wasmPath, kernel.Name, kernel.Arg.ToString(CultureInfo.InvariantCulture), options.Runs.ToString(CultureInfo.InvariantCulture)]);
            var mine = engine.Measure(kernel, options.Runs);
            rows.Add(new ReportRow(kernel, native, mine, node));
            Console.Error.WriteLine($"  measured {kernel.Name}");
        }

        Report.PrintKernels(rows);

        var instantiateModule = Path.Combine(options.Directory, "..", "fixtures", "c", "expr_calc.wasm");
        var inst = InstantiationBench.Run(instantiateModule, options.InstantiateIterations);
        var nodeInst = options.SkipNode ? null : ExternalRunner.RunInstantiate(nodeRunner, instantiateModule, options.InstantiateIterations);
        Report.PrintInstantiation(instantiateModule, inst, nodeInst);
        return rows.All(r => r.ChecksumsAgree) ? 0 : 1;
    }
}
