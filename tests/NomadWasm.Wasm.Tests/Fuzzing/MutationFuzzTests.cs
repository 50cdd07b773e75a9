using System.Diagnostics;
using System.Globalization;
using System.Text;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;
using Xunit.Abstractions;

namespace NomadWasm.Wasm.Tests.Fuzzing;

/// <summary>
/// Seeded, deterministic mutation fuzzing over real clang-built modules (tests/fixtures/c and
/// wat): every mutant must be rejected with a typed error or run without any other exception and
/// without hanging (<see cref="FuzzOracle"/>). A failing mutant is saved as the next numbered
/// tests/fixtures/fuzz/&lt;n&gt;.wasm (unless already there) so it is replayed by
/// <see cref="Replay_SavedRegressionInputs_MeetTheContract"/> from then on; commit it.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    // Mutants per seed module: ~1,550 per run. About 15% of mutants of a ~100 KB C module survive
    // validation and are compiled and run (the costly part), so the C modules get fewer.
    private const int MutationsPerCModule = 150;
    private const int MutationsPerWatModule = 250;
    private const int BaseSeed = 20261122;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private static readonly Lock SaveLock = new();

    public static TheoryData<string> SeedModules()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "c", "wat" })
        {
            foreach (var file in Directory.GetFiles(FixturePaths.Get(dir), "*.wasm").Order(StringComparer.Ordinal))
            {
                data.Add($"{dir}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeedModules))]
    public void Mutants_OfFixtureModule_AreRejectedOrRunWithoutCrashing(string seedModule)
    {
        var original = File.ReadAllBytes(FixturePaths.Get(seedModule.Split('/')));
        var mutations = seedModule.StartsWith("c/", StringComparison.Ordinal) ? MutationsPerCModule : MutationsPerWatModule;
        var engine = new Engine();
        var seedBase = BaseSeed + StableHash(seedModule);
        var failures = new StringBuilder();
        var verdicts = new int[3];
        var elapsed = new TimeSpan[3];
        for (var i = 0; i < mutations; i++)
        {
            var seed = seedBase + i;
            var mutant = Mutator.Mutate(original, seed, out var description);
            var started = Stopwatch.GetTimestamp();
            var outcome = FuzzOracle.Check(engine, mutant, Limit);
            verdicts[(int)outcome.Verdict]++;
            elapsed[(int)outcome.Verdict] += Stopwatch.GetElapsedTime(started);
            if (outcome.Verdict == FuzzVerdict.Crashed)
            {
                var saved = SaveRegression(mutant);
                failures.AppendLine(CultureInfo.InvariantCulture, $"mutant seed {seed} ({description}) -> {outcome.Detail}; saved as {saved}");
                failures.AppendLine(outcome.Exception?.StackTrace?.Split('\n').Take(6).Aggregate(string.Empty, (a, l) => a + "    " + l.Trim() + "\n"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seedModule}: rejected {verdicts[0]} ({elapsed[0].TotalMilliseconds:F0} ms), accepted {verdicts[1]} ({elapsed[1].TotalMilliseconds:F0} ms), crashed {verdicts[2]} ({elapsed[2].TotalMilliseconds:F0} ms)"));
        Assert.True(failures.Length == 0, $"{seedModule}: {verdicts[2]} of {mutations} mutants crashed the engine ({verdicts[0]} rejected, {verdicts[1]} accepted):\n{failures}");
        // A fuzzer that only ever produces garbage tests nothing: some mutants must get through.
        Assert.True(verdicts[1] > 0, $"{seedModule}: no mutant was accepted ({verdicts[0]} rejected)");
    }

    [Theory]
    [MemberData(nameof(SeedModules))]
    public void SeedModule_Unmutated_IsAccepted(string seedModule)
    {
        var wasm = File.ReadAllBytes(FixturePaths.Get(seedModule.Split('/')));
        var outcome = FuzzOracle.Check(new Engine(), wasm, Limit);
        Assert.True(outcome.Verdict == FuzzVerdict.Accepted, $"{seedModule}: {outcome.Detail}\n{outcome.Exception}");
    }

    [Fact]
    public void Replay_SavedRegressionInputs_MeetTheContract()
    {
        var dir = FixturePaths.Get("fuzz");
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.wasm").Order(StringComparer.Ordinal).ToArray() : [];
        var engine = new Engine();
        var failures = files
            .Select(f => (File: Path.GetFileName(f), Outcome: FuzzOracle.Check(engine, File.ReadAllBytes(f), Limit)))
            .Where(r => r.Outcome.Verdict == FuzzVerdict.Crashed)
            .Select(r => $"{r.File}: {r.Outcome.Detail}")
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Length} saved fuzz inputs still crash the engine:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Mutate_SameSeed_GivesSameBytes()
    {
        var original = File.ReadAllBytes(FixturePaths.Get("c", "math64.wasm"));
        for (var seed = 0; seed < 50; seed++)
        {
            Assert.Equal(Mutator.Mutate(original, seed, out var a), Mutator.Mutate(original, seed, out var b));
            Assert.Equal(a, b);
        }
    }

    // string.GetHashCode is randomized per process; the seeds must not be.
    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return h & 0xffffff;
    }

    private static string SaveRegression(byte[] mutant)
    {
        lock (SaveLock)
        {
            var dir = FixturePaths.Get("fuzz");
            Directory.CreateDirectory(dir);
            var existing = Directory.GetFiles(dir, "*.wasm");
            foreach (var file in existing)
            {
                if (File.ReadAllBytes(file).AsSpan().SequenceEqual(mutant))
                {
                    return $"tests/fixtures/fuzz/{Path.GetFileName(file)} (already saved)";
                }
            }

            var next = existing
                .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .DefaultIfEmpty(0)
                .Max() + 1;
            var path = Path.Combine(dir, $"{next}.wasm");
            File.WriteAllBytes(path, mutant);
            return $"tests/fixtures/fuzz/{next}.wasm";
        }
    }
}
