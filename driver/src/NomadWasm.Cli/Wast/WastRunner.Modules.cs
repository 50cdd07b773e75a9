using System.Text.Json;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Cli.Wast;

/// <summary>Module commands: module, register and the four module assertions.</summary>
internal sealed partial class WastRunner
{
    private void LoadModule(JsonElement command, int line)
    {
        if (IsTextModule(command))
        {
            _skipped++;
            return;
        }

        _current = null;
        _currentError = null;
        try
        {
            var instance = Instantiate(ReadModuleFile(command));
            _current = instance;
            if (command.TryGetProperty("name", out var name) && name.GetString() is { } n)
            {
                _named[n] = instance;
            }

            Pass();
        }
        catch (Exception e) when (IsModuleError(e))
        {
            _currentError = $"module at line {line} failed to load";
            Fail(line, "module", "it to load", Describe(e));
        }
    }

    private void Register(JsonElement command, int line)
    {
        var instance = FindInstance(command, "name");
        if (instance is null)
        {
            Fail(line, "register", "a module to register", _currentError ?? "no module");
            return;
        }

        _linker.DefineInstance(command.GetProperty("as").GetString()!, instance);
        Pass();
    }

    private void AssertModuleFails(string type, JsonElement command, int line)
    {
        if (IsTextModule(command))
        {
            _skipped++;
            return;
        }

        var expected = Text(command);
        Exception? error = null;
        try
        {
            var bytes = ReadModuleFile(command);
            if (type is "assert_malformed" or "assert_invalid")
            {
                ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
            }
            else
            {
                Instantiate(bytes);
            }
        }
        catch (Exception e) when (IsModuleError(e))
        {
            error = e;
        }

        var (wantedType, reason) = (type, error) switch
        {
            (_, null) => (false, null),
            ("assert_malformed", MalformedModuleException m) => (true, m.Reason),
            ("assert_invalid", InvalidModuleException i) => (true, i.Reason),
            ("assert_unlinkable", LinkException l) => (true, l.Reason),
            ("assert_unlinkable" or "assert_uninstantiable", TrapException t) => (true, t.Message),
            _ => (false, Describe(error)),
        };

        if (wantedType && reason!.StartsWith(expected, StringComparison.Ordinal))
        {
            Pass();
        }
        else
        {
            Fail(line, type, $"\"{expected}\"", error is null ? "success" : Describe(error));
        }
    }

    private byte[] ReadModuleFile(JsonElement command) =>
        File.ReadAllBytes(Path.Combine(_directory, command.GetProperty("filename").GetString()!));

    /// <summary>Decode, validate and compile (all in <see cref="Engine.Compile(byte[])"/>), link, instantiate.</summary>
    private Instance Instantiate(byte[] bytes) => _linker.Prepare(_engine.Compile(bytes)).Instantiate(_store);

    private Instance? FindInstance(JsonElement element, string property) =>
        element.TryGetProperty(property, out var name) && name.GetString() is { } n
            ? _named.GetValueOrDefault(n)
            : _current;

    private static bool IsModuleError(Exception e) =>
        e is MalformedModuleException or InvalidModuleException or LinkException or TrapException;

    private static string Describe(Exception e) => e switch
    {
        MalformedModuleException m => $"malformed \"{m.Message}\"",
        InvalidModuleException i => $"invalid \"{i.Message}\"",
        LinkException l => $"unlinkable \"{l.Message}\"",
        TrapException t => $"trap \"{t.Message}\"",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
