using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using NomadWasm.Wasm.Runtime.Traps;

namespace NomadWasm.Wasm.Runtime;

/// <summary>Calls compiled code with a typed signature from <see cref="Value"/> spans.</summary>
internal delegate void EntryInvoker(nint code, VmContext context, ReadOnlySpan<Value> args, Span<Value> results);

/// <summary>
/// The host-to-guest boundary: sets the thread's stack limit on the outermost call (see
/// <see cref="StackGuard"/>) and, if the calling thread has too little stack left, runs the call
/// on a fresh thread with a big stack instead.
/// </summary>
internal static unsafe class GuestCall
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Run(EntryInvoker invoker, nint code, VmContext context, ReadOnlySpan<Value> args, Span<Value> results)
    {
        if (StackGuard.t_limit != 0)
        {
            // Re-entered from a host function on a thread that already runs a guest.
            invoker(code, context, args, results);
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

        StackGuard.t_limit = limit;
        try
        {
            invoker(code, context, args, results);
        }
        finally
        {
            StackGuard.t_limit = 0;
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
