using NomadWasm.Cli.Wast;

namespace NomadWasm.Cli;

/// <summary>
/// `nomad-wasm wast script.json [--print]`: runs a wast2json script against the engine and ends with
/// the line "N passed, M failed"; the exit code is 0 iff nothing failed.
/// </summary>
internal static class WastCommand
{
    public static int Run(string[] args)
    {
        var scripts = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (scripts.Length == 0 || args.Contains("--help"))
        {
            Console.Error.WriteLine("usage: nomad-wasm wast <script.json>... [--print]\n\n  script.json   output of wabt's wast2json (the .wasm files beside it)\n  --print       show the spectest print_* calls");
            return 2;
        }

        var print = args.Contains("--print") ? Console.Out : null;
        int passed = 0, failed = 0, skipped = 0;
        foreach (var script in scripts)
        {
            if (!File.Exists(script))
            {
                Console.Error.WriteLine($"nomad-wasm wast: {script}: no such file");
                return 2;
            }

            WastResult result;
            try
            {
                result = WastRunner.Run(script, Console.Out, print);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or IOException or KeyNotFoundException or InvalidOperationException)
            {
                // An unreadable script is one failure, not a crash; the others still run.
                Console.WriteLine($"{script}: cannot read script: {e.Message}");
                result = new WastResult(0, 1, 0);
            }

            passed += result.Passed;
            failed += result.Failed;
            skipped += result.Skipped;
        }

        if (skipped > 0)
        {
            Console.WriteLine($"skipped: {skipped} text-format module commands (no WAT parser)");
        }

        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
