using System.Globalization;
using System.Text;

namespace NomadWasm.Bench;

/// <summary>One kernel's three measurements.</summary>
internal sealed record ReportRow(KernelSpec Kernel, Measurement? Native, Measurement Engine, Measurement? Node)
{
    public bool ChecksumsAgree =>
        (Native is null || Native.Checksum == Engine.Checksum) && (Node is null || Node.Checksum == Engine.Checksum);
}

/// <summary>Prints the tables: per kernel, ratios to native, geometric means, goal verdicts.</summary>
internal static class Report
{
    public static void PrintKernels(IReadOnlyList<ReportRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("| kernel | native ms | engine ms (steady) | engine ms (first call) | node ms (steady) | node ms (first call) | engine/native | node/native | engine vs node |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        var engineRatios = new List<double>();
        var nodeRatios = new List<double>();
        var slowerThanNode = new List<string>();
        foreach (var row in rows)
        {
            double? er = row.Native is null ? null : row.Engine.SteadyMs / row.Native.SteadyMs;
            double? nr = row.Native is null || row.Node is null ? null : row.Node.SteadyMs / row.Native.SteadyMs;
            if (er is { } e)
            {
                engineRatios.Add(e);
            }

            if (nr is { } n)
            {
                nodeRatios.Add(n);
            }

            var versus = row.Node is null ? "-" : row.Engine.SteadyMs < row.Node.SteadyMs ? "faster" : "SLOWER";
            if (versus == "SLOWER")
            {
                slowerThanNode.Add(row.Kernel.Name);
            }

            var check = row.ChecksumsAgree ? string.Empty : " CHECKSUM MISMATCH";
            sb.AppendLine(Invariant($"| {row.Kernel.Name} ({row.Kernel.Arg}) | {Ms(row.Native?.SteadyMs)} | {Ms(row.Engine.SteadyMs)} | {Ms(row.Engine.FirstMs)} | {Ms(row.Node?.SteadyMs)} | {Ms(row.Node?.FirstMs)} | {Ratio(er)} | {Ratio(nr)} | {versus}{check}{(row.Engine.Note is null ? string.Empty : " " + row.Engine.Note)} |"));
        }

        var engineGeo = GeoMean(engineRatios);
        var nodeGeo = GeoMean(nodeRatios);
        sb.AppendLine(Invariant($"| geometric mean | | | | | | {Ratio(engineGeo)} | {Ratio(nodeGeo)} | |"));
        sb.AppendLine();
        sb.AppendLine(Invariant($"goal: engine geometric mean <= 2.00x native: {(engineGeo is { } g ? (g <= 2.0 ? "MET" : "NOT MET") : "n/a")} ({Ratio(engineGeo)})"));
        sb.AppendLine($"goal: engine faster than node on every kernel: {(rows.All(r => r.Node is null) ? "n/a" : slowerThanNode.Count == 0 ? "MET" : "NOT MET (slower on " + string.Join(", ", slowerThanNode) + ")")}");
        Console.Write(sb.ToString());
    }

    public static void PrintInstantiation(string module, InstantiationResult engine, (double CompileMs, double MedianUs, double P90Us)? node)
    {
        var kb = new FileInfo(module).Length / 1024;
        Console.WriteLine();
        Console.WriteLine(Invariant($"module {Path.GetFileName(module)} ({kb} KB, clang-14 -O2 wasm32-wasi), {engine.Iterations} instantiations:"));
        Console.WriteLine("| runtime | compile ms (first) | compile ms (again) | instantiate median us | instantiate p90 us |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Invariant($"| engine | {engine.FirstCompileMs:F1} | {engine.SecondCompileMs:F1} | {engine.MedianUs:F1} | {engine.P90Us:F1} |"));
        if (node is { } n)
        {
            Console.WriteLine(Invariant($"| node (lazy compile) | {n.CompileMs:F1} | | {n.MedianUs:F1} | {n.P90Us:F1} |"));
        }
    }

    private static double? GeoMean(List<double> values) =>
        values.Count == 0 ? null : Math.Exp(values.Sum(Math.Log) / values.Count);

    private static string Ms(double? ms) => ms is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? r) => r is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
