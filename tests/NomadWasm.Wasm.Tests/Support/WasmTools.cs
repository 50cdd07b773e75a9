using System.Diagnostics;

namespace NomadWasm.Wasm.Tests.Support;

/// <summary>Runs wabt's wat2wasm / wast2json (installed by .ci/run) for tests that need real modules.</summary>
internal static class WasmTools
{
    /// <summary>Compiles WAT text to a binary module.</summary>
    public static byte[] Wat2Wasm(string wat, params string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("nomadwasm-wat-");
        try
        {
            var input = Path.Combine(dir.FullName, "m.wat");
            var output = Path.Combine(dir.FullName, "m.wasm");
            File.WriteAllText(input, wat);
            Run("wat2wasm", [.. flags, input, "-o", output]);
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static void Run(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}{stdout}");
        }
    }

    /// <summary>Parses "00 61 73 6d" style hex (spaces and underscores ignored).</summary>
    public static byte[] Hex(string hex) =>
        Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal));
}
