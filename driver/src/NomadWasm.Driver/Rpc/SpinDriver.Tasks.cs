using System.Globalization;
using Google.Protobuf;
using NomadWasm.Driver.Hosting;
using NomadWasm.Driver.Tasks;
using NomadWasm.Plugin.Protos.Drivers;
using ProtoTaskConfig = NomadWasm.Plugin.Protos.Drivers.TaskConfig;
using ProtoTaskState = NomadWasm.Plugin.Protos.Drivers.TaskState;
using TaskHandle = NomadWasm.Driver.Tasks.TaskHandle;
using TaskState = NomadWasm.Driver.Tasks.TaskState;
using TaskStatus = NomadWasm.Plugin.Protos.Drivers.TaskStatus;

namespace NomadWasm.Driver.Rpc;

internal sealed partial class SpinDriver
{
    private static readonly TimeSpan s_defaultKillTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Blocks until the host ends; after the end, answers at once until DestroyTask (§8.3).</summary>
    public async Task<WaitTaskResponse> WaitTaskAsync(WaitTaskRequest request, CancellationToken cancellationToken)
    {
        var handle = Find(request.TaskId);
        var outcome = await handle.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WaitTaskResponse
        {
            Result = new ExitResult { ExitCode = outcome.ExitCode, Signal = outcome.Signal, OomKilled = false },
            Err = outcome.Error ?? string.Empty,
        };
    }

    /// <summary>Sends the signal (empty = SIGTERM), waits up to the timeout, then SIGKILLs; returns once the host is gone.</summary>
    public async Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken)
    {
        var handle = Find(request.TaskId);
        if (!Signals.TryParse(request.Signal, Signals.SigTerm, out var signal))
        {
            throw new DriverRpcException($"StopTask: unknown signal \"{request.Signal}\"");
        }

        var timeout = request.Timeout is { } t ? t.ToTimeSpan() : s_defaultKillTimeout;
        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        try
        {
            await handle.StopAsync(signal, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new DriverRpcException(e.Message);
        }

        return new StopTaskResponse();
    }

    /// <summary>Kills the host if it still runs (force), forgets the task, removes its run files. Unknown ids are fine.</summary>
    public async Task<DestroyTaskResponse> DestroyTaskAsync(DestroyTaskRequest request, CancellationToken cancellationToken)
    {
        if (!_tasks.TryGet(request.TaskId, out var handle))
        {
            return new DestroyTaskResponse();
        }

        if (handle.Outcome is null)
        {
            if (!request.Force)
            {
                throw new DriverRpcException($"task \"{request.TaskId}\" is still running; stop it first or destroy with force");
            }

            handle.Kill();
            try
            {
                await handle.WaitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new DriverRpcException($"task \"{request.TaskId}\": spin host (pid {handle.Host.Pid}) survived SIGKILL");
            }
        }

        Forget(handle);
        TryDeleteDirectory(Path.GetDirectoryName(handle.State.StatusPath));
        Log.TaskDestroyed(_logger, request.TaskId);
        return new DestroyTaskResponse();
    }

    /// <summary>Not called by today's Nomad client, but answered completely: task, result and both timestamps are always set (§8.3).</summary>
    public InspectTaskResponse InspectTask(InspectTaskRequest request)
    {
        var handle = Find(request.TaskId);
        var outcome = handle.Outcome;
        return new InspectTaskResponse
        {
            Task = new TaskStatus
            {
                Id = handle.TaskId,
                Name = handle.State.TaskName,
                State = outcome is null ? ProtoTaskState.Running : ProtoTaskState.Exited,
                StartedAt = ToTimestamp(handle.State.StartedAt),
                CompletedAt = ToTimestamp(handle.CompletedAt),
                Result = new ExitResult { ExitCode = outcome?.ExitCode ?? 0, Signal = outcome?.Signal ?? 0 },
            },
            Driver = new TaskDriverStatus
            {
                Attributes =
                {
                    ["pid"] = handle.Host.Pid.ToString(CultureInfo.InvariantCulture),
                    ["listen"] = handle.State.ListenAddress,
                    ["app"] = handle.State.AppPath,
                    ["recovered"] = handle.Recovered ? "true" : "false",
                },
            },
        };
    }

    public SignalTaskResponse SignalTask(SignalTaskRequest request)
    {
        var handle = Find(request.TaskId);
        if (!Signals.TryParse(request.Signal, Signals.SigTerm, out var signal) || string.IsNullOrWhiteSpace(request.Signal))
        {
            throw new DriverRpcException($"SignalTask: unknown signal \"{request.Signal}\"");
        }

        if (!handle.Host.TrySignal(signal, out var error))
        {
            throw new DriverRpcException(error ?? $"task \"{request.TaskId}\" has exited; signal {request.Signal} not delivered");
        }

        Publish(handle, $"Delivered {request.Signal} to spin host (pid {handle.Host.Pid})");
        return new SignalTaskResponse();
    }

    /// <summary>
    /// Re-adopts a live host from driver_state (§8.3, §14). The request's task_id is empty and the
    /// handle's msgpack_driver_config may be empty: everything comes from driver_state. A host that
    /// is gone (or whose pid now names another process) is an error, so Nomad destroys and
    /// restarts the task.
    /// </summary>
    public RecoverTaskResponse RecoverTask(RecoverTaskRequest request)
    {
        var wire = request.Handle ?? throw new DriverRpcException("RecoverTask: the request has no handle");
        var taskId = !string.IsNullOrEmpty(request.TaskId) ? request.TaskId : wire.Config?.Id ?? string.Empty;
        if (string.IsNullOrEmpty(taskId))
        {
            throw new DriverRpcException("RecoverTask: the handle has no task id");
        }

        if (_tasks.TryGet(taskId, out _))
        {
            return new RecoverTaskResponse();
        }

        TaskState state;
        try
        {
            state = TaskState.Deserialize(wire.DriverState.Span);
        }
        catch (InvalidDataException e)
        {
            Log.RecoverFailed(_logger, taskId, e.Message);
            throw new DriverRpcException($"RecoverTask: {e.Message}");
        }

        var host = new HostProcess(state.HostPid, state.HostStartTicks);
        if (!host.IsAlive())
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"RecoverTask: spin host (pid {state.HostPid}) of task \"{taskId}\" is gone");
            Log.RecoverFailed(_logger, taskId, message);
            throw new DriverRpcException(message);
        }

        var config = wire.Config ?? new ProtoTaskConfig { Id = taskId, AllocId = state.AllocId, Name = state.TaskName };
        var handle = new TaskHandle(state, config.ToByteArray(), watcherProcess: null, recovered: true);
        if (!_tasks.TryAdd(handle))
        {
            handle.Dispose();
            return new RecoverTaskResponse(); // a concurrent RecoverTask won
        }

        handle.Exited += OnExited;
        handle.StartMonitor();
        Log.TaskRecovered(_logger, taskId, state.HostPid);
        Publish(handle, $"Recovered spin host (pid {state.HostPid}) serving {state.ListenAddress}");
        return new RecoverTaskResponse();
    }

    private TaskHandle Find(string taskId) =>
        _tasks.TryGet(taskId, out var handle) ? handle : throw DriverRpcException.NotFound();

    private static void TryDeleteDirectory(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or Nomad removed the alloc dir first: nothing left to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to remove; Nomad's alloc GC deletes the task dir anyway.
        }
    }
}
