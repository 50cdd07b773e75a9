using System.Diagnostics;
using NomadWasm.Driver.Hosting;

namespace NomadWasm.Driver.Tasks;

/// <summary>
/// One running (or exited but not yet destroyed) task: its host and watcher, the stored state,
/// and the wait loop that turns the host's end into an <see cref="ExitOutcome"/>. The loop polls
/// /proc and the watcher's status file, because after a plugin restart the host is not our child.
/// </summary>
internal sealed class TaskHandle : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_statusGrace = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource<ExitOutcome> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _monitor = new();
    private readonly Process? _watcherProcess;
    private readonly Lock _lock = new();
    private DateTimeOffset? _completedAt;

    public TaskHandle(TaskState state, byte[] wireConfig, Process? watcherProcess, bool recovered)
    {
        State = state;
        WireConfig = wireConfig;
        Host = new HostProcess(state.HostPid, state.HostStartTicks);
        Watcher = new HostProcess(state.WatcherPid, state.WatcherStartTicks);
        _watcherProcess = watcherProcess;
        Recovered = recovered;
        DriverState = state.Serialize();
    }

    public TaskState State { get; }

    /// <summary>The TaskConfig message Nomad sent, serialized, echoed back in TaskHandle.config.</summary>
    public byte[] WireConfig { get; }

    public byte[] DriverState { get; }

    public HostProcess Host { get; }

    public HostProcess Watcher { get; }

    public bool Recovered { get; }

    public string TaskId => State.TaskId;

    /// <summary>Set once the host is gone.</summary>
    public ExitOutcome? Outcome => _exited.Task.IsCompletedSuccessfully ? _exited.Task.Result : null;

    public DateTimeOffset? CompletedAt
    {
        get
        {
            lock (_lock)
            {
                return _completedAt;
            }
        }
    }

    /// <summary>Raised once, from the monitor loop, when the host has ended.</summary>
    public event Action<TaskHandle, ExitOutcome>? Exited;

    public void StartMonitor() => _ = MonitorAsync(_monitor.Token);

    /// <summary>Completes when the host has ended (at once if it already has).</summary>
    public Task<ExitOutcome> WaitAsync(CancellationToken cancellationToken) => _exited.Task.WaitAsync(cancellationToken);

    /// <summary>Sends <paramref name="signal"/>, waits up to <paramref name="timeout"/>, then SIGKILLs; returns after the host is gone.</summary>
    public async Task StopAsync(int signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_exited.Task.IsCompleted)
        {
            return;
        }

        Host.TrySignal(signal, out var error);
        if (error is not null)
        {
            throw new InvalidOperationException($"stopping task {TaskId}: {error}");
        }

        if (signal != Signals.SigKill && !await ExitsWithinAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            Host.TrySignal(Signals.SigKill, out _);
        }

        await ExitsWithinAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (!_exited.Task.IsCompleted)
        {
            throw new InvalidOperationException($"task {TaskId}: spin host (pid {Host.Pid}) survived SIGKILL for 10 s");
        }
    }

    /// <summary>SIGKILLs the host and its watcher if they still run (DestroyTask with force).</summary>
    public void Kill()
    {
        Host.TrySignal(Signals.SigKill, out _);
    }

    public void Dispose()
    {
        _monitor.Cancel();
        _monitor.Dispose();
        _watcherProcess?.Dispose();
    }

    private async Task<bool> ExitsWithinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task MonitorAsync(CancellationToken cancellationToken)
    {
        try
        {
            var watcherExit = _watcherProcess is null ? null : _watcherProcess.WaitForExitAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (ReadStatus() is { } outcome)
                {
                    Complete(outcome);
                    return;
                }

                if (!Host.IsAlive())
                {
                    Complete(await AwaitStatusAsync(cancellationToken).ConfigureAwait(false));
                    return;
                }

                var tick = Task.Delay(s_pollInterval, cancellationToken);
                await (watcherExit is null ? tick : Task.WhenAny(tick, watcherExit)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // DestroyTask disposed the handle; nobody waits any more.
        }
    }

    // The host is gone; its watcher writes the status file right after reaping it.
    private async Task<ExitOutcome> AwaitStatusAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(s_statusGrace.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (ReadStatus() is { } outcome)
            {
                return outcome;
            }

            if (!Watcher.IsAlive() && (_watcherProcess is null || _watcherProcess.HasExited))
            {
                return ReadStatus() ?? ExitOutcome.Unknown(Host.Pid);
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        return ReadStatus() ?? ExitOutcome.Unknown(Host.Pid);
    }

    private ExitOutcome? ReadStatus()
    {
        try
        {
            return File.Exists(State.StatusPath) ? ExitOutcome.FromStatusText(File.ReadAllText(State.StatusPath)) : null;
        }
        catch (IOException)
        {
            return null; // being renamed into place; the next poll sees it
        }
    }

    private void Complete(ExitOutcome outcome)
    {
        lock (_lock)
        {
            _completedAt = DateTimeOffset.UtcNow;
        }

        if (_exited.TrySetResult(outcome))
        {
            Exited?.Invoke(this, outcome);
        }
    }
}
