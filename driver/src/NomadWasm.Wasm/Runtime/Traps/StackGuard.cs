using System.Runtime.InteropServices;

namespace NomadWasm.Wasm.Runtime.Traps;

/// <summary>
/// Keeps guest recursion from overflowing the thread stack: compiled functions compare the address
/// of a local with their store's copy of <see cref="t_limit"/> (<see cref="Store.StackLimit"/>) on
/// entry and trap with "call stack exhausted" below it.
/// The limit is set when the host first calls into a guest on a thread, leaving
/// <see cref="Margin"/> bytes below it for host functions, the JIT and exception dispatch.
/// </summary>
internal static unsafe partial class StackGuard
{
    /// <summary>Stack kept free below the guest's limit.</summary>
    internal const int Margin = 256 * 1024;

    /// <summary>Least stack a guest call gets before it is moved to a fresh big-stack thread.</summary>
    internal const int MinimumGuestStack = 128 * 1024;

    /// <summary>Stack size of the thread used when the calling thread has too little left.</summary>
    internal const int BigThreadStack = 16 * 1024 * 1024;

    // This thread's limit, read only by GuestCall (compiled code reads Store.StackLimit).
    // 0 = no guest running on this thread.
    [ThreadStatic]
    internal static nint t_limit;

    [ThreadStatic]
    private static nint t_stackLow;

    /// <summary>The lowest usable address of the current thread's stack, or 0 if unknown.</summary>
    internal static nint CurrentThreadStackLow()
    {
        if (t_stackLow != 0)
        {
            return t_stackLow;
        }

        nint low = 0;
        if (OperatingSystem.IsLinux())
        {
            var attr = stackalloc byte[256];
            if (pthread_getattr_np(pthread_self(), attr) == 0)
            {
                nint address;
                nuint size;
                if (pthread_attr_getstack(attr, &address, &size) == 0)
                {
                    low = address;
                }

                _ = pthread_attr_destroy(attr);
            }
        }

        t_stackLow = low == 0 ? -1 : low;
        return t_stackLow;
    }

    /// <summary>
    /// The limit for a guest call starting at stack address <paramref name="sp"/> with a budget of
    /// <paramref name="maxStack"/> bytes, or 0 if this thread has too little stack left.
    /// </summary>
    internal static nint ComputeLimit(nint sp, int maxStack)
    {
        var low = CurrentThreadStackLow();
        var byBudget = sp - maxStack;
        if (low == -1)
        {
            // Unknown bounds: assume at least the budget plus the margin is there (threads we
            // create ourselves always are).
            return byBudget;
        }

        var byThread = low + Margin;
        if (sp - byThread < MinimumGuestStack)
        {
            return 0;
        }

        return Math.Max(byBudget, byThread);
    }

    [LibraryImport("libc")]
    private static partial nint pthread_self();

    [LibraryImport("libc")]
    private static partial int pthread_getattr_np(nint thread, byte* attr);

    [LibraryImport("libc")]
    private static partial int pthread_attr_getstack(byte* attr, nint* address, nuint* size);

    [LibraryImport("libc")]
    private static partial int pthread_attr_destroy(byte* attr);
}
