using System.Text.Json;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Cli.Wast;

/// <summary>
/// Runs a script converted by wabt's <c>wast2json</c> (the JSON plus the .wasm files beside it)
/// against the engine, like the reference interpreter: one store per script, the <c>spectest</c>
/// host module, named and registered modules, and every assertion kind. Expected error texts
/// match when the actual reason starts with them.
/// </summary>
internal sealed partial class WastRunner : IDisposable
{
    private readonly string _directory;
    private string _sourceName;
    private readonly TextWriter _output;
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Linker _linker;
    private readonly ExternRefs _externs = new();
    private readonly Memory _spectestMemory;
    private readonly Dictionary<string, Instance> _named = new(StringComparer.Ordinal);
    private Instance? _current;
    private string? _currentError;
    private int _passed;
    private int _failed;
    private int _skipped;

    public WastRunner(string jsonPath, TextWriter output, TextWriter? printOutput = null)
    {
        _directory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        _sourceName = Path.GetFileName(jsonPath);
        _output = output;
        _store = new Store(_engine);
        _linker = new Linker(_engine);
        _spectestMemory = SpecTestHost.Define(_linker, printOutput);
    }

    /// <summary>Runs every command of the script at <paramref name="jsonPath"/>.</summary>
    public static WastResult Run(string jsonPath, TextWriter output, TextWriter? printOutput = null)
    {
        using var runner = new WastRunner(jsonPath, output, printOutput);
        return runner.RunAll(jsonPath);
    }

    public void Dispose()
    {
        _store.Dispose();
        _spectestMemory.Dispose();
    }

    private WastResult RunAll(string jsonPath)
    {
        // wabt 1.0.32 writes the "expected" list of assert_trap without commas when a function has
        // several results ({"type": "i32"}{"type": "i64"}); put them back before parsing.
        var json = File.ReadAllText(jsonPath).Replace("}{\"type\"", "}, {\"type\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("source_filename", out var source) && source.GetString() is { } name)
        {
            _sourceName = Path.GetFileName(name);
        }

        foreach (var command in root.GetProperty("commands").EnumerateArray())
        {
            var line = command.TryGetProperty("line", out var l) ? l.GetInt32() : 0;
            var type = command.GetProperty("type").GetString() ?? string.Empty;
            try
            {
                RunCommand(type, command, line);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A runner bug or an unexpected engine exception must not stop the rest of the script:
                // it is one failed command, reported with the exception.
                Fail(line, type, "completion", $"{e.GetType().Name}: {e.Message}");
            }
        }

        return new WastResult(_passed, _failed, _skipped);
    }

    private void RunCommand(string type, JsonElement command, int line)
    {
        switch (type)
        {
            case "module":
                LoadModule(command, line);
                break;
            case "register":
                Register(command, line);
                break;
            case "action":
                RunAction(command, line);
                break;
            case "assert_return":
                AssertReturn(command, line);
                break;
            case "assert_trap" or "assert_exhaustion":
                AssertTrap(type, command, line);
                break;
            case "assert_malformed" or "assert_invalid" or "assert_unlinkable" or "assert_uninstantiable":
                AssertModuleFails(type, command, line);
                break;
            default:
                Fail(line, type, "a known command", "unsupported command type");
                break;
        }
    }

    private void Pass() => _passed++;

    private void Fail(int line, string command, string expected, string actual)
    {
        _failed++;
        _output.WriteLine($"{_sourceName}:{line}: {command}: expected {expected}, got {actual}");
    }

    private static string Text(JsonElement command) =>
        command.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    private static bool IsTextModule(JsonElement command) =>
        command.TryGetProperty("module_type", out var moduleType) && moduleType.GetString() == "text";
}
