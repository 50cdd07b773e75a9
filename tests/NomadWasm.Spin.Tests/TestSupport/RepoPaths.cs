namespace NomadWasm.Spin.Tests.TestSupport;

/// <summary>Locates files in the repository (the directory holding NomadWasm.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Jobs(params string[] parts) => Path.Combine([Root, "jobs", .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NomadWasm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NomadWasm.sln not found above " + AppContext.BaseDirectory);
    }
}
