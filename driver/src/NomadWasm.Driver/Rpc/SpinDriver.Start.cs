using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NomadWasm.Driver.Config;
using NomadWasm.Driver.Events;
using NomadWasm.Driver.Hosting;
using NomadWasm.Driver.Tasks;
using NomadWasm.Plugin.Protos.Drivers;
using ProtoTaskConfig = NomadWasm.Plugin.Protos.Drivers.TaskConfig;
using ProtoTaskHandle = NomadWasm.Plugin.Protos.Drivers.TaskHandle;
using ProtoTaskState = NomadWasm.Plugin.Protos.Drivers.TaskState;
using TaskHandle = NomadWasm.Driver.Tasks.TaskHandle;

namespace NomadWasm.Driver.Rpc;

internal sealed partial class SpinDriver
{
    /// <summary>Version of the TaskHandle this driver writes (≥ 1; 0 is the pre-0.9 era, §8.3).</summary>
    public const int HandleVersion = 1;

    /// <summary>
    /// StartTask (§8.3): decode and check the config, find the app and the port, launch the host
    /// detached, and return only once the app accepts connections, so a broken app fails here
    /// with its reason as the task event rather than later as a crash loop.
    /// </summary>
    public async Task<StartTaskResponse> StartTaskAsync(StartTaskRequest request, CancellationToken cancellationToken)
    {
        var task = request.Task ?? throw new DriverRpcException("StartTask: the request has no task config");
        if (string.IsNullOrEmpty(task.Id))
        {
            throw new DriverRpcException("StartTask: task config has an empty id");
        }

        if (_tasks.TryGet(task.Id, out _))
        {
            throw new DriverRpcException($"task with id \"{task.Id}\" is already started");
        }

        var started = Stopwatch.GetTimestamp();
        var driverConfig = Config;
        var prepared = Prepare(task, driverConfig);
        LaunchedHost launched;
        try
        {
            launched = await HostLauncher.LaunchAsync(prepared.Spec, cancellationToken).ConfigureAwait(false);
        }
        catch (HostLaunchException e)
        {
            throw Fail(task, $"starting the spin host failed: {e.Message}", recoverable: true);
        }

        var state = new Tasks.TaskState
        {
            TaskId = task.Id,
            AllocId = task.AllocId,
            TaskName = task.Name,
            HostPid = launched.Host.Pid,
            HostStartTicks = launched.Host.StartTicks,
            WatcherPid = launched.Watcher.Pid,
            WatcherStartTicks = launched.Watcher.StartTicks,
            ListenAddress = ListenAddress.Format(prepared.Listen),
            AppPath = prepared.AppPath,
            StatusPath = prepared.Spec.StatusPath,
            RunDirectory = prepared.RunDirectory,
            StartedAt = DateTimeOffset.UtcNow,
            MemoryLimitMb = prepared.MemoryLimitMb,
            Command = prepared.Spec.Command,
            Config = StoredTaskConfig.From(prepared.Config),
        };
        var handle = new TaskHandle(state, task.ToByteArray(), launched.WatcherProcess, recovered: false);
        Track(handle);
        Log.TaskStarted(_logger, task.Id, launched.Host.Pid, state.ListenAddress, state.AppPath);
        Publish(handle, $"Started spin host (pid {launched.Host.Pid}) for {state.AppPath} on {state.ListenAddress}", ("pid", launched.Host.Pid.ToString(CultureInfo.InvariantCulture)));

        var readiness = await Readiness.WaitAsync(prepared.Listen, () => handle.Outcome is null && handle.Host.IsAlive(), driverConfig.StartupTimeout, cancellationToken).ConfigureAwait(false);
        switch (readiness)
        {
            case Readiness.Result.Ready:
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.TaskReady(_logger, task.Id, ms);
                Publish(handle, string.Create(CultureInfo.InvariantCulture, $"App ready on http://{state.ListenAddress} after {ms:F0} ms"), ("ready_ms", ms.ToString("F0", CultureInfo.InvariantCulture)));
                break;
            case Readiness.Result.HostExited:
                var outcome = await handle.WaitAsync(cancellationToken).ConfigureAwait(false);
                Forget(handle);
                var tail = await LogTail.ReadStderrAsync(task.AllocDir, task.Name, cancellationToken).ConfigureAwait(false);
                throw Fail(task, $"spin host exited during startup ({outcome})" + (tail.Length > 0 ? ": " + tail : "; see the task's stderr (nomad alloc logs -stderr)"), recoverable: true);
            default:
                handle.Kill();
                await handle.WaitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                Forget(handle);
                throw Fail(task, string.Create(CultureInfo.InvariantCulture, $"the app did not accept connections on {state.ListenAddress} within {driverConfig.StartupTimeout.TotalSeconds:0.###} s (startup_timeout); the host was killed"), recoverable: true);
        }

        return new StartTaskResponse
        {
            Result = StartTaskResponse.Types.Result.Success,
            Handle = WireHandle(handle),
        };
    }

    private static Prepared Prepare(ProtoTaskConfig task, DriverConfig driverConfig)
    {
        SpinTaskConfig config;
        try
        {
            config = ConfigDecoder.DecodeTaskConfig(task.MsgpackDriverConfig.Span);
        }
        catch (ConfigException e)
        {
            throw new DriverRpcException($"invalid task config: {e.Message}");
        }

        var taskDir = string.IsNullOrEmpty(task.AllocDir) ? Path.GetTempPath() : Path.Combine(task.AllocDir, task.Name);
        string appPath;
        try
        {
            appPath = AppLocator.Resolve(taskDir, config.App);
        }
        catch (ConfigException e)
        {
            throw new DriverRpcException($"invalid task config: {e.Message}");
        }

        System.Net.IPEndPoint listen;
        try
        {
            listen = ListenAddress.Resolve(config.Port, Ports(task), task.Env);
        }
        catch (ArgumentException e)
        {
            throw new DriverRpcException($"invalid task config: {e.Message}");
        }

        var memoryMb = MemoryLimitMb(task);
        var runDir = Path.Combine(taskDir, ".spin-host");
        var attemptDir = Path.Combine(runDir, SafeName(task.Id));
        Directory.CreateDirectory(attemptDir);
        var statusPath = Path.Combine(attemptDir, "exit-status");
        File.Delete(statusPath);
        var stateDir = Path.Combine(runDir, "state");
        Directory.CreateDirectory(stateDir);

        IReadOnlyList<string> command;
        try
        {
            command = HostCommand.Build(HostCommand.HostPrefix(driverConfig.HostPath), appPath, listen, stateDir, memoryMb, config);
        }
        catch (InvalidOperationException e)
        {
            throw new DriverRpcException(e.Message);
        }

        var spec = new HostLaunchSpec(
            command,
            task.Env,
            Directory.Exists(taskDir) ? taskDir : Path.GetTempPath(),
            OutputPath(task.StdoutPath),
            OutputPath(task.StderrPath),
            statusPath);
        return new Prepared(config, appPath, listen, memoryMb, attemptDir, spec);
    }

    private static List<PortBinding> Ports(ProtoTaskConfig task)
    {
        var ports = new List<PortBinding>();
        if (task.Resources is { } resources)
        {
            ports.AddRange(resources.Ports.Select(static p => new PortBinding(p.Label, p.Value, p.To, p.HostIp)));
            if (resources.AllocatedResources is { } allocated)
            {
                foreach (var network in allocated.Networks)
                {
                    ports.AddRange(network.ReservedPorts.Concat(network.DynamicPorts).Select(p => new PortBinding(p.Label, p.Value, 0, network.Ip)));
                }
            }
        }

        return ports;
    }

    /// <summary>The task's memory (max of memory and memory_max, MiB) caps guest linear memory.</summary>
    private static int MemoryLimitMb(ProtoTaskConfig task)
    {
        var memory = task.Resources?.AllocatedResources?.Memory;
        var mb = Math.Max(memory?.MemoryMb ?? 0, memory?.MemoryMaxMb ?? 0);
        if (mb <= 0 && task.Resources?.LinuxResources is { MemoryLimitBytes: > 0 } linux)
        {
            mb = linux.MemoryLimitBytes / (1024 * 1024);
        }

        return (int)Math.Clamp(mb, 0, int.MaxValue);
    }

    // Disabled log collection gives /dev/null or nothing (§10).
    private static string OutputPath(string path) => string.IsNullOrEmpty(path) ? "/dev/null" : path;

    // Task ids are "<alloc>/<task>/<random>" (§9 hazard 13): never use them raw as file names.
    private static string SafeName(string id)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not '-' and not '_' and not '.')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private DriverRpcException Fail(ProtoTaskConfig task, string message, bool recoverable)
    {
        Log.StartFailed(_logger, task.Id, message);
        _events.Publish(new DriverEvent(task.Id, task.AllocId, task.Name, DateTimeOffset.UtcNow, message, new Dictionary<string, string>()));
        return new DriverRpcException(message, recoverable);
    }

    private void Track(TaskHandle handle)
    {
        handle.Exited += OnExited;
        _tasks.TryAdd(handle);
        handle.StartMonitor();
    }

    private void Forget(TaskHandle handle)
    {
        _tasks.TryRemove(handle.TaskId, out _);
        handle.Dispose();
    }

    private void OnExited(TaskHandle handle, ExitOutcome outcome)
    {
        Log.TaskExited(_logger, handle.TaskId, outcome.ToString());
        Publish(handle, $"Spin host (pid {handle.Host.Pid}) exited: {outcome}");
    }

    private void Publish(TaskHandle handle, string message, params (string Key, string Value)[] annotations)
    {
        var map = annotations.ToDictionary(static a => a.Key, static a => a.Value, StringComparer.Ordinal);
        _events.Publish(new DriverEvent(handle.TaskId, handle.State.AllocId, handle.State.TaskName, DateTimeOffset.UtcNow, message, map));
    }

    private static ProtoTaskHandle WireHandle(TaskHandle handle) => new()
    {
        Version = HandleVersion,
        Config = ProtoTaskConfig.Parser.ParseFrom(handle.WireConfig),
        State = handle.Outcome is null ? ProtoTaskState.Running : ProtoTaskState.Exited,
        DriverState = ByteString.CopyFrom(handle.DriverState),
    };

    private static Timestamp ToTimestamp(DateTimeOffset? time) =>
        Timestamp.FromDateTimeOffset(time ?? DateTimeOffset.MinValue);

    private sealed record Prepared(SpinTaskConfig Config, string AppPath, System.Net.IPEndPoint Listen, int MemoryLimitMb, string RunDirectory, HostLaunchSpec Spec);
}
