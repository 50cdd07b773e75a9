using System.Globalization;

namespace NomadWasm.Bench;

/// <summary>Command line: --dir (tests/bench), --runs, --only a,b, --skip-node, --skip-native, --instantiate-iterations.</summary>
internal sealed record BenchOptions(string Directory, int Runs, IReadOnlySet<string> Only, bool SkipNode, bool SkipNative, int InstantiateIterations)
{
    public static BenchOptions Parse(string[] args)
    {
        var dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
        var runs = 12;
        var only = new HashSet<string>(StringComparer.Ordinal);
        bool skipNode = false, skipNative = false;
        var iterations = 2000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dir": dir = Path.GetFullPath(args[++i]); break;
                case "--runs": runs = Math.Max(4, int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
                case "--only": only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                case "--skip-node": skipNode = true; break;
                case "--skip-native": skipNative = true; break;
                case "--instantiate-iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new BenchOptions(dir, runs, only, skipNode, skipNative, iterations);
    }
}
