namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// Where the real plugin executable is: <c>NOMAD_WASM_PLUGIN</c> if set (e.g. the published
/// single-file <c>spin</c>), else the apphost <c>nomad-wasm</c> that the build of
/// driver/src/NomadWasm.Cli produced in the same configuration as this test assembly. The
/// simulator executes that file directly, with no arguments, as Nomad does.
/// </summary>
internal static class PluginBinary
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Path { get; } = Find();

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("NOMAD_WASM_PLUGIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        // tests/NomadWasm.EndToEnd.Tests/bin/<Configuration>/net10.0/
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = baseDir.Parent!.Name;
        var framework = baseDir.Name;
        var path = System.IO.Path.Combine(RepositoryRoot, "driver", "src", "NomadWasm.Cli", "bin", configuration, framework, "nomad-wasm");
        return File.Exists(path) ? path : throw new FileNotFoundException($"plugin binary not built: {path}");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "NomadWasm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("NomadWasm.sln not found above the test output");
    }
}
