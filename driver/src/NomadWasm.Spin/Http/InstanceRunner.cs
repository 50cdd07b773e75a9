using NomadWasm.Spin.Capabilities;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Http;

/// <summary>
/// The part every executor shares: a fresh store and instance per request from the component's
/// <see cref="InstancePre"/>, the deadline armed around the guest call, and traps turned into
/// <see cref="GuestFailureException"/>s with a readable reason.
/// </summary>
internal static class InstanceRunner
{
    /// <summary>
    /// Instantiates <paramref name="pre"/> in a new store whose data is a fresh <see cref="InstanceState"/>,
    /// then runs <paramref name="run"/>. The store (memories, timers) is released afterwards.
    /// </summary>
    public static T Run<T>(InstancePre pre, ComponentServices services, WasiConfiguration wasi, ExecutionLimits limits, Func<Instance, InstanceState, T> run)
    {
        using var store = new Store(pre.Module.Engine) { MaxMemoryPages = limits.MaxMemoryPages };
        using var context = new WasiContext(wasi);
        using var cancel = limits.RequestTimeout is { } timeout ? new CancellationTokenSource(timeout) : null;
        if (cancel is not null)
        {
            context.Cancellation = cancel.Token;
            store.SetDeadline(limits.RequestTimeout!.Value);
        }

        var state = new InstanceState(services, context);
        store.Data = state;
        try
        {
            var instance = pre.Instantiate(store);
            return run(instance, state);
        }
        catch (TrapException trap) when (trap.Kind == TrapKind.Interrupted)
        {
            throw new GuestFailureException($"request timed out after {limits.RequestTimeout?.TotalSeconds:0.###}s: the guest was interrupted", trap);
        }
        catch (TrapException trap)
        {
            throw new GuestFailureException($"guest trapped: {trap.Message}", trap);
        }
        finally
        {
            store.ClearInterrupt();
        }
    }

    /// <summary>Calls the reactor initializer (<c>_initialize</c>) when the module exports one.</summary>
    public static void Initialize(Instance instance) => instance.GetFunction("_initialize")?.Invoke([], []);
}
