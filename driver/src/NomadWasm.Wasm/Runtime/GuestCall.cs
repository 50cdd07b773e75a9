using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Runtime;

/// <summary>Calls compiled code with a typed signature from <see cref="Value"/> spans.</summary>
internal delegate void EntryInvoker(nint code, VmContext context, ReadOnlySpan<Value> args, Span<Value> results);

/// <summary>
/// The host-to-guest boundary: computes the thread's stack limit on the outermost call (see
/// <see cref="StackGuard"/>) and, if the calling thread has too little stack left, runs the call
/// on a fresh thread with a big stack instead. Compiled code reads the limit from its store
/// (<see cref="Store.StackLimit"/>), so every entry stores the thread's limit into the callee's
/// store and restores the previous value on exit; calls into another store's functions copy it
/// along (<see cref="Compilation.Support.CallOps"/>).
/// </summary>
internal static unsafe class GuestCall
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Run(EntryInvoker invoker, nint code, VmContext context, ReadOnlySpan<Value> args, Span<Value> results)
    {
        var threadLimit = StackGuard.t_limit;
        if (threadLimit != 0)
        {
            // Re-entered from a host function on a thread that already runs a guest: same limit,
            // but the callee's store may be another one (or not yet running on this thread).
            var store = context.Store;
            if (store is null)
            {
                invoker(code, context, args, results);
                return;
            }

            var previous = store.StackLimit;
            store.StackLimit = threadLimit;
            try
            {
                invoker(code, context, args, results);
            }
            finally
            {
                store.StackLimit = previous;
            }

            return;
        }

        byte marker = 0;
        var sp = (nint)(&marker);
        var limit = StackGuard.ComputeLimit(sp, context.Engine.Config.MaxWasmStack);
        if (limit == 0)
        {
            RunOnBigStack(invoker, code, context, args, results);
            return;
        }

        // Outermost guest call on this thread, and a store runs on one thread at a time: nothing of
        // the entry store runs anywhere else, so its limit goes back to 0 (not running) on exit.
        var entryStore = context.Store;
        StackGuard.t_limit = limit;
        if (entryStore is not null)
        {
            entryStore.StackLimit = limit;
        }

        try
        {
            invoker(code, context, args, results);
        }
        finally
        {
            StackGuard.t_limit = 0;
            if (entryStore is not null)
            {
                entryStore.StackLimit = 0;
            }

            Compilation.Support.CallOps.t_caller = null; // do not keep the last caller's instance alive
        }
    }

    private static void RunOnBigStack(EntryInvoker invoker, nint code, VmContext context, ReadOnlySpan<Value> args, Span<Value> results)
    {
        var argArray = args.ToArray();
        var resultArray = new Value[results.Length];
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Run(invoker, code, context, argArray, resultArray);
                }
#pragma warning disable CA1031 // Rethrown on the calling thread just below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            StackGuard.BigThreadStack);
        thread.Start();
        thread.Join();
        failure?.Throw();
        resultArray.CopyTo(results);
    }
}
