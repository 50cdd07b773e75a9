namespace NomadWasm.Spin.Tests;

/// <summary>
/// Golden-file helpers (like Spin's crates/manifest/tests/ui): each <c>cases/NAME.toml</c> input is paired
/// with <c>NAME.json</c> (expected output) or <c>NAME.err</c> (expected error text). Set
/// <c>NOMADWASM_BLESS=1</c> to write snapshots that do not exist yet (review them before committing).
/// </summary>
internal static class GoldenFiles
{
    public static string CasesDirectory(string folder)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "NomadWasm.Spin.Tests", folder, "cases");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException($"cannot find tests/NomadWasm.Spin.Tests/{folder}/cases above {AppContext.BaseDirectory}");
    }

    public static TheoryData<string> Names(string folder, string extension = ".toml")
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(CasesDirectory(folder), "*" + extension).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>Compares <paramref name="actual"/> with the snapshot <paramref name="path"/> (line endings normalized).</summary>
    public static void AssertMatches(string path, string actual, string otherSnapshotPath)
    {
        actual = Normalize(actual);
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("NOMADWASM_BLESS") == "1" && !File.Exists(otherSnapshotPath))
            {
                File.WriteAllText(path, actual + "\n");
                return;
            }

            Assert.Fail(File.Exists(otherSnapshotPath)
                ? $"expected the outcome in {Path.GetFileName(otherSnapshotPath)}, got:\n{actual}"
                : $"missing snapshot {path}; actual:\n{actual}");
        }

        Assert.Equal(Normalize(File.ReadAllText(path)), actual);
    }

    private static string Normalize(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n', ' ');
}
