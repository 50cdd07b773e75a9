using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Fuzzing;

/// <summary>What happened to one input.</summary>
internal enum FuzzVerdict
{
    /// <summary>MalformedModuleException, InvalidModuleException or LinkException.</summary>
    Rejected,

    /// <summary>Compiled and instantiated (or trapped while instantiating or running).</summary>
    Accepted,

    /// <summary>Any other exception, or no answer within the time limit: an engine bug.</summary>
    Crashed,
}

internal sealed record FuzzOutcome(FuzzVerdict Verdict, string Detail, Exception? Exception = null);

/// <summary>
/// The contract every input must meet: it is either rejected with one of the engine's three
/// typed errors, or it compiles, and then instantiating it and running its exports may trap
/// (TrapException, including "interrupted" from the deadline) but nothing else escapes. Imported
/// functions are stubs returning ENOSYS-like non-zero i32s (zero for other types), so WASI
/// programs fail fast instead of waiting for input. Each input runs on its own big-stack thread
/// with a time limit, so a hang is reported rather than stalling the test run.
/// </summary>
internal static class FuzzOracle
{
    private const int StubErrno = 52; // ENOSYS

    public static FuzzOutcome Check(Engine engine, byte[] wasm, TimeSpan limit)
    {
        FuzzOutcome? outcome = null;
        var thread = new Thread(() => outcome = CheckOnThisThread(engine, wasm), 16 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        if (!thread.Join(limit))
        {
            return new FuzzOutcome(FuzzVerdict.Crashed, $"no answer within {limit.TotalSeconds:F0} s (hang)");
        }

        return outcome!;
    }

    private static FuzzOutcome CheckOnThisThread(Engine engine, byte[] wasm)
    {
        try
        {
            return Run(engine, wasm);
        }
        catch (Exception e) when (IsRejection(e))
        {
            return new FuzzOutcome(FuzzVerdict.Rejected, $"{e.GetType().Name}: {e.Message}");
        }
        catch (TrapException e)
        {
            return new FuzzOutcome(FuzzVerdict.Accepted, $"trap: {e.Message}");
        }
        catch (Exception e)
        {
            // The point of the oracle: anything else is an engine bug, reported with its stack.
            return new FuzzOutcome(FuzzVerdict.Crashed, $"{e.GetType().FullName}: {e.Message}", e);
        }
    }

    private static bool IsRejection(Exception e) =>
        e is MalformedModuleException or LinkException || e.GetType().Name == "InvalidModuleException";

    private static FuzzOutcome Run(Engine engine, byte[] wasm)
    {
        var module = ModuleLoader.Compile(engine, wasm);
        var linker = new Linker(engine);
        foreach (var import in module.Imports)
        {
            if (import.Kind == ExternKind.Function)
            {
                var type = module.Module.Types[import.FunctionTypeIndex];
                linker.DefineFunction(import.Module, import.Name, type, (caller, args, results) => Stub(type, results));
            }
        }

        var pre = linker.Prepare(module);
        using var store = new Store(engine) { MaxMemoryPages = 1024 };
        store.SetDeadline(TimeSpan.FromMilliseconds(50));
        var instance = pre.Instantiate(store);
        var called = 0;
        var traps = 0;
        foreach (var export in module.Exports)
        {
            if (export.Kind != ExternKind.Function || called == 4 || instance.GetFunction(export.Name) is not { } function)
            {
                continue;
            }

            if (function.Type.Parameters.Any(p => p.IsReference()))
            {
                continue;
            }

            called++;
            try
            {
                function.Invoke([.. function.Type.Parameters.Select(Value.Default)]);
            }
            catch (TrapException)
            {
                traps++;
            }
        }

        return new FuzzOutcome(FuzzVerdict.Accepted, $"ran {called} exports, {traps} trapped");
    }

    private static void Stub(FuncType type, Span<Value> results)
    {
        for (var i = 0; i < results.Length; i++)
        {
            var t = type.Results[i];
            results[i] = t == ValType.I32 ? Value.FromI32(StubErrno) : Value.Default(t);
        }
    }
}
