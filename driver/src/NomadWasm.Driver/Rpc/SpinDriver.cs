using Microsoft.Extensions.Logging;
using NomadWasm.Driver.Config;
using NomadWasm.Driver.Events;
using NomadWasm.Driver.Tasks;
using NomadWasm.Plugin.Protos.Base;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.Driver.Rpc;

/// <summary>
/// The BasePlugin and Driver RPCs of the <c>spin</c> driver (nomad-plugin-protocol.md §6, §8).
/// One instance per plugin process. Split by concern: configuration here, task start in
/// <c>SpinDriver.Start.cs</c>, the rest of the task lifecycle in <c>SpinDriver.Tasks.cs</c>,
/// streams in <c>SpinDriver.Streams.cs</c>, unsupported RPCs in <c>SpinDriver.Unsupported.cs</c>.
/// </summary>
internal sealed partial class SpinDriver
{
    private readonly ILogger _logger;
    private readonly TaskStore _tasks = new();
    private readonly DriverEventHub _events = new();
    private readonly Lock _configLock = new();
    private DriverConfig _config = DriverConfig.Default;
    private bool _configured;

    public SpinDriver(ILogger logger)
    {
        _logger = logger;
    }

    internal TaskStore Tasks => _tasks;

    internal DriverConfig Config
    {
        get
        {
            lock (_configLock)
            {
                return _config;
            }
        }
    }

    public PluginInfoResponse PluginInfo() => Driver.PluginInfo.Response();

    public ConfigSchemaResponse ConfigSchema() => new() { Spec = Schemas.PluginConfig };

    /// <summary>
    /// Called twice in Nomad's validation process and once in the long-lived one, never after a
    /// reattach (§6.3); it only replaces the stored config, so repeating it is harmless.
    /// </summary>
    public SetConfigResponse SetConfig(SetConfigRequest request)
    {
        if (!string.IsNullOrEmpty(request.PluginApiVersion) && request.PluginApiVersion != Driver.PluginInfo.ApiVersion)
        {
            throw new DriverRpcException($"SetConfig failed: plugin_api_version \"{request.PluginApiVersion}\" is not supported (this plugin speaks {Driver.PluginInfo.ApiVersion})");
        }

        DriverConfig config;
        try
        {
            config = ConfigDecoder.DecodePluginConfig(request.MsgpackConfig.Span);
        }
        catch (ConfigException e)
        {
            throw new DriverRpcException($"SetConfig failed: {e.Message}");
        }

        lock (_configLock)
        {
            _config = config;
            _configured = true;
        }

        Log.Configured(_logger, config.Enabled, config.HostPath, request.NomadConfig is not null);
        return new SetConfigResponse();
    }

    public InitResponse Init() => new();

    public TaskConfigSchemaResponse TaskConfigSchema() => new() { Spec = Schemas.TaskConfig };

    /// <summary>
    /// Honest capabilities: signals yes; no exec (a Spin app has no shell); host networking only
    /// (the host binds the port Nomad allocated on the node); no filesystem isolation (the app's
    /// files are read from the task directory on the host); log collection through Nomad's FIFOs.
    /// </summary>
    public CapabilitiesResponse Capabilities() => new()
    {
        Capabilities = new DriverCapabilities
        {
            SendSignals = true,
            Exec = false,
            FsIsolation = DriverCapabilities.Types.FSIsolation.None,
            NetworkIsolationModes = { NetworkIsolationSpec.Types.NetworkIsolationMode.Host },
            MustCreateNetwork = false,
            MountConfigs = DriverCapabilities.Types.MountConfigs.NoMounts,
            DisableLogCollection = false,
            DynamicWorkloadUsers = false,
        },
    };

    /// <summary>Driver.Shutdown: tasks keep running (they live outside the plugin); stop the monitors.</summary>
    public ShutdownResponse Shutdown()
    {
        foreach (var handle in _tasks.Snapshot())
        {
            handle.Dispose();
        }

        return new ShutdownResponse();
    }

    private bool Configured
    {
        get
        {
            lock (_configLock)
            {
                return _configured;
            }
        }
    }
}
