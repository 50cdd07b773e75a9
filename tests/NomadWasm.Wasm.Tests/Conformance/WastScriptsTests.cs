using NomadWasm.Cli.Wast;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Conformance;

/// <summary>
/// Every tests/fixtures/wast/*.wast, converted by wast2json (wabt 1.0.32, no feature flags) and run
/// in-process by the `nomad-wasm wast` runner: each script must have no failed command.
/// </summary>
public sealed class WastScriptsTests
{
    public static TheoryData<string> Scripts
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.EnumerateFiles(WastDirectory, "*.wast").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    private static string WastDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "wast");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures/wast not found above " + AppContext.BaseDirectory);
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Run_WastScript_NoFailures(string script)
    {
        var work = Directory.CreateTempSubdirectory("nomadwasm-wast-");
        try
        {
            var name = Path.GetFileNameWithoutExtension(script);
            var json = Path.Combine(work.FullName, name + ".json");
            WasmTools.Run("wast2json", [Path.Combine(WastDirectory, script), "-o", json]);

            using var output = new StringWriter();
            var result = WastRunner.Run(json, output);

            Assert.True(result.Failed == 0, $"{result.Failed} failed, {result.Passed} passed:\n{output}");
            Assert.True(result.Passed > 0, "the script ran no command");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
