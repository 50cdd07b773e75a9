using Google.Protobuf.WellKnownTypes;
using NomadWasm.Driver.Hosting;
using NomadWasm.Driver.Stats;
using NomadWasm.Plugin.Protos.Drivers;
using Attribute = NomadWasm.Plugin.Protos.Structs.Attribute;

namespace NomadWasm.Driver.Rpc;

internal sealed partial class SpinDriver
{
    private static readonly TimeSpan s_minStatsInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Fingerprint (§8.3): the first message goes out at once, then one per fingerprint_interval
    /// or when health changes; the stream stays open until Nomad cancels it.
    /// </summary>
    public async Task FingerprintAsync(Func<FingerprintResponse, Task> send, CancellationToken cancellationToken)
    {
        string? last = null;
        var sinceSent = TimeSpan.Zero;
        var tick = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            var response = FingerprintNow();
            var key = $"{response.Health}|{response.HealthDescription}";
            if (key != last || sinceSent >= Config.FingerprintInterval)
            {
                await send(response).ConfigureAwait(false);
                last = key;
                sinceSent = TimeSpan.Zero;
            }

            try
            {
                await Task.Delay(tick, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            sinceSent += tick;
        }
    }

    internal FingerprintResponse FingerprintNow()
    {
        var config = Config;
        var response = new FingerprintResponse();
        if (!config.Enabled)
        {
            response.Health = FingerprintResponse.Types.HealthState.Undetected;
            response.HealthDescription = "disabled by the plugin config (enabled = false)";
            return response;
        }

        string hostPath;
        string? problem = null;
        try
        {
            var prefix = HostCommand.HostPrefix(config.HostPath);
            hostPath = string.Join(' ', prefix);
            if (!File.Exists(prefix[0]))
            {
                problem = $"host executable {prefix[0]} does not exist";
            }
        }
        catch (InvalidOperationException e)
        {
            hostPath = string.Empty;
            problem = e.Message;
        }

        if (problem is null && !File.Exists("/usr/bin/setsid") && !File.Exists("/bin/setsid"))
        {
            problem = "setsid (util-linux) is missing; tasks cannot be detached from the plugin";
        }

        if (problem is null && !File.Exists("/bin/sh"))
        {
            problem = "/bin/sh is missing";
        }

        response.Attributes["driver.spin"] = new Attribute { BoolVal = problem is null };
        response.Attributes["driver.spin.version"] = new Attribute { StringVal = Driver.PluginInfo.Version };
        response.Attributes["driver.spin.host_path"] = new Attribute { StringVal = hostPath };
        response.Attributes["driver.spin.runtime"] = new Attribute { StringVal = "nomad-wasm" };
        response.Health = problem is null ? FingerprintResponse.Types.HealthState.Healthy : FingerprintResponse.Types.HealthState.Unhealthy;
        response.HealthDescription = problem ?? (Configured ? "Healthy" : "Healthy (default config)");
        return response;
    }

    /// <summary>
    /// TaskStats (§8.3): one sample per interval from /proc, with timestamp and
    /// agg_resource_usage always set (a nil there panics the Nomad client). Ends when the task has exited.
    /// </summary>
    public async Task TaskStatsAsync(TaskStatsRequest request, Func<TaskStatsResponse, Task> send, CancellationToken cancellationToken)
    {
        var handle = Find(request.TaskId);
        var interval = request.CollectionInterval is { } d ? d.ToTimeSpan() : TimeSpan.FromSeconds(1);
        if (interval < s_minStatsInterval)
        {
            interval = s_minStatsInterval;
        }

        var sampler = new CpuSampler(handle.Host, CpuInfo.MhzPerCore);
        sampler.Take(); // baseline for the first percentage
        while (!cancellationToken.IsCancellationRequested && handle.Outcome is null)
        {
            try
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var sample = sampler.Take();
            if (sample is null)
            {
                return; // the host is gone; WaitTask reports how
            }

            var usage = Usage(sample.Value);
            var stats = new TaskStats
            {
                Id = handle.TaskId,
                Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                AggResourceUsage = usage,
            };
            stats.ResourceUsageByPid[handle.Host.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)] = usage.Clone();
            await send(new TaskStatsResponse { Stats = stats }).ConfigureAwait(false);
        }
    }

    /// <summary>TaskEvents (§8.3): stays open; every driver event of every task, with alloc_id, task_name and timestamp set.</summary>
    public async Task TaskEventsAsync(Func<DriverTaskEvent, Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _events.SubscribeAsync(cancellationToken).ConfigureAwait(false))
            {
                var message = new DriverTaskEvent
                {
                    TaskId = item.TaskId,
                    AllocId = item.AllocId,
                    TaskName = item.TaskName,
                    Timestamp = Timestamp.FromDateTimeOffset(item.Timestamp),
                    Message = item.Message,
                };
                foreach (var (key, value) in item.Annotations)
                {
                    message.Annotations[key] = value;
                }

                await send(message).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Nomad cancelled the stream.
        }
    }

    private static TaskResourceUsage Usage(CpuSampler.Sample sample) => new()
    {
        Cpu = new CPUUsage
        {
            UserMode = sample.UserPercent,
            SystemMode = sample.SystemPercent,
            Percent = sample.Percent,
            TotalTicks = sample.TotalTicks,
            MeasuredFields =
            {
                CPUUsage.Types.Fields.UserMode,
                CPUUsage.Types.Fields.SystemMode,
                CPUUsage.Types.Fields.Percent,
                CPUUsage.Types.Fields.TotalTicks,
            },
        },
        Memory = new MemoryUsage
        {
            Rss = sample.Memory.RssBytes,
            MaxUsage = sample.Memory.PeakRssBytes,
            Usage = sample.Memory.RssBytes,
            Swap = sample.Memory.SwapBytes,
            MeasuredFields =
            {
                MemoryUsage.Types.Fields.Rss,
                MemoryUsage.Types.Fields.MaxUsage,
                MemoryUsage.Types.Fields.Usage,
                MemoryUsage.Types.Fields.Swap,
            },
        },
    };
}
