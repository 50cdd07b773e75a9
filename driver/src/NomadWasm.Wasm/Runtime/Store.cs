namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Owns the instances, memories and tables created while instantiating into it, plus the host's
/// per-store state (<see cref="Data"/>), the memory cap and the interruption flag. A store is used
/// by one thread at a time; <see cref="Interrupt"/> and <see cref="SetDeadline"/> may be called from
/// any thread. Disposing releases the linear memories it created.
/// </summary>
public sealed class Store : IDisposable
{
    // Read by compiled code at function entries and loop headers (with a volatile load).
    internal volatile int InterruptRequested;

    // Lowest stack address guest code may reach on the thread currently running it, read by compiled
    // code at every function entry. Set by GuestCall on entry (and by CallOps for calls from another
    // store); 0 or a stale value while not running: every way into this store's code sets it first.
    internal nint StackLimit;

    private readonly List<Memory> _memories = [];
    private readonly Lock _timerLock = new();
    private Timer? _deadline;

    public Store(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    public Engine Engine { get; }

    /// <summary>Host state for host functions (<see cref="Caller.Store"/>).</summary>
    public object? Data { get; set; }

    /// <summary>Cap on the page count of memories created in this store (null = only the declared maximum).</summary>
    public uint? MaxMemoryPages { get; set; }

    /// <summary>Makes the running (or next) guest call in this store trap with <c>interrupted</c>.</summary>
    public void Interrupt() => InterruptRequested = 1;

    /// <summary>Calls <see cref="Interrupt"/> after <paramref name="timeout"/>; replaces any earlier deadline.</summary>
    public void SetDeadline(TimeSpan timeout)
    {
        lock (_timerLock)
        {
            _deadline?.Dispose();
            _deadline = new Timer(static state => ((Store)state!).Interrupt(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Cancels a deadline set with <see cref="SetDeadline"/> and clears a pending interrupt.</summary>
    public void ClearInterrupt()
    {
        lock (_timerLock)
        {
            _deadline?.Dispose();
            _deadline = null;
        }

        InterruptRequested = 0;
    }

    public void Dispose()
    {
        lock (_timerLock)
        {
            _deadline?.Dispose();
            _deadline = null;
        }

        foreach (var memory in _memories)
        {
            memory.Dispose();
        }

        _memories.Clear();
    }

    internal Memory CreateMemory(Model.MemoryType type)
    {
        var memory = new Memory(type, MaxMemoryPages, Engine.MemoryPool);
        _memories.Add(memory);
        return memory;
    }
}
