using System.Text.Json;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Cli.Wast;

/// <summary>Action commands: invoke and get, with assert_return, assert_trap and assert_exhaustion.</summary>
internal sealed partial class WastRunner
{
    private void RunAction(JsonElement command, int line)
    {
        try
        {
            Perform(command.GetProperty("action"));
            Pass();
        }
        catch (Exception e) when (e is TrapException or ActionException)
        {
            Fail(line, "action", "success", e is TrapException ? $"trap \"{e.Message}\"" : e.Message);
        }
    }

    private void AssertReturn(JsonElement command, int line)
    {
        var expected = command.GetProperty("expected").EnumerateArray().Select(WastValue.Parse).ToArray();
        var expectedText = $"[{string.Join(", ", expected)}]";
        Value[] actual;
        try
        {
            actual = Perform(command.GetProperty("action"));
        }
        catch (Exception e) when (e is TrapException or ActionException)
        {
            Fail(line, $"assert_return {ActionName(command)}", expectedText, e is TrapException ? $"trap \"{e.Message}\"" : e.Message);
            return;
        }

        var ok = actual.Length == expected.Length;
        for (var i = 0; ok && i < actual.Length; i++)
        {
            ok = expected[i].Matches(actual[i], _externs);
        }

        if (ok)
        {
            Pass();
        }
        else
        {
            Fail(line, $"assert_return {ActionName(command)}", expectedText, $"[{string.Join(", ", actual.Select(WastValue.Format))}]");
        }
    }

    private void AssertTrap(string type, JsonElement command, int line)
    {
        var expected = Text(command);
        try
        {
            var results = Perform(command.GetProperty("action"));
            Fail(line, $"{type} {ActionName(command)}", $"trap \"{expected}\"", $"[{string.Join(", ", results.Select(WastValue.Format))}]");
        }
        catch (TrapException e) when (e.Message.StartsWith(expected, StringComparison.Ordinal))
        {
            Pass();
        }
        catch (Exception e) when (e is TrapException or ActionException)
        {
            Fail(line, $"{type} {ActionName(command)}", $"trap \"{expected}\"", e is TrapException ? $"trap \"{e.Message}\"" : e.Message);
        }
    }

    /// <summary>Performs an invoke or get action; a missing module or export is an <see cref="ActionException"/>.</summary>
    private Value[] Perform(JsonElement action)
    {
        var instance = FindInstance(action, "module")
            ?? throw new ActionException(_currentError ?? "no module instantiated");
        var field = action.GetProperty("field").GetString()!;
        switch (action.GetProperty("type").GetString())
        {
            case "invoke":
                {
                    var function = instance.GetFunction(field) ?? throw new ActionException($"no exported function \"{field}\"");
                    var args = action.GetProperty("args").EnumerateArray().Select(a => WastValue.Parse(a).ToValue(_externs)).ToArray();
                    return function.Invoke(args);
                }

            case "get":
                {
                    var global = instance.GetGlobal(field) ?? throw new ActionException($"no exported global \"{field}\"");
                    return [global.Value];
                }

            default:
                throw new ActionException($"unknown action type \"{action.GetProperty("type").GetString()}\"");
        }
    }

    private static string ActionName(JsonElement command) =>
        command.TryGetProperty("action", out var action) && action.TryGetProperty("field", out var field)
            ? $"\"{field.GetString()}\""
            : string.Empty;

    /// <summary>The script asked for something that is not there (no module, no such export).</summary>
    private sealed class ActionException(string message) : Exception(message);
}
