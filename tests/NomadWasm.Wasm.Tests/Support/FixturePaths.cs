namespace NomadWasm.Wasm.Tests.Support;

/// <summary>Finds the repository's tests/fixtures directory from the test binary's location.</summary>
internal static class FixturePaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>tests/fixtures (absolute).</summary>
    public static string FixturesDirectory => Root.Value;

    /// <summary>A path under tests/fixtures.</summary>
    public static string Get(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (File.Exists(Path.Combine(candidate, "build.sh")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no tests/fixtures/build.sh above {AppContext.BaseDirectory}");
    }
}
