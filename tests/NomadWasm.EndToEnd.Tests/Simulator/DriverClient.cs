using Google.Protobuf.WellKnownTypes;
using NomadWasm.Plugin.Protos.Base;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>Typed calls of the BasePlugin and Driver services, by their full gRPC paths (§6.1, §8.1).</summary>
internal sealed class DriverClient(GrpcClient grpc)
{
    private const string Base = "/hashicorp.nomad.plugins.base.proto.BasePlugin/";
    private const string Drv = "/hashicorp.nomad.plugins.drivers.proto.Driver/";

    public GrpcClient Grpc => grpc;

    public Task<PluginInfoResponse> PluginInfoAsync() => grpc.UnaryAsync(Base + "PluginInfo", new PluginInfoRequest(), PluginInfoResponse.Parser);

    public Task<ConfigSchemaResponse> ConfigSchemaAsync() => grpc.UnaryAsync(Base + "ConfigSchema", new ConfigSchemaRequest(), ConfigSchemaResponse.Parser);

    public Task<SetConfigResponse> SetConfigAsync(byte[] msgpackConfig, bool withNomadConfig) => grpc.UnaryAsync(
        Base + "SetConfig",
        new SetConfigRequest
        {
            MsgpackConfig = Google.Protobuf.ByteString.CopyFrom(msgpackConfig),
            PluginApiVersion = "v0.1.0",
            NomadConfig = withNomadConfig ? new NomadConfig { Driver = new NomadDriverConfig { ClientMinPort = 14000, ClientMaxPort = 14512 } } : null,
        },
        SetConfigResponse.Parser);

    public Task<InitResponse> InitAsync() => grpc.UnaryAsync(Drv + "Init", new InitRequest(), InitResponse.Parser);

    public Task<TaskConfigSchemaResponse> TaskConfigSchemaAsync() => grpc.UnaryAsync(Drv + "TaskConfigSchema", new TaskConfigSchemaRequest(), TaskConfigSchemaResponse.Parser);

    public Task<CapabilitiesResponse> CapabilitiesAsync() => grpc.UnaryAsync(Drv + "Capabilities", new CapabilitiesRequest(), CapabilitiesResponse.Parser);

    public IAsyncEnumerable<FingerprintResponse> FingerprintAsync(CancellationToken cancellationToken) =>
        grpc.StreamAsync(Drv + "Fingerprint", new FingerprintRequest(), FingerprintResponse.Parser, cancellationToken);

    public IAsyncEnumerable<DriverTaskEvent> TaskEventsAsync(CancellationToken cancellationToken) =>
        grpc.StreamAsync(Drv + "TaskEvents", new TaskEventsRequest(), DriverTaskEvent.Parser, cancellationToken);

    public Task<StartTaskResponse> StartTaskAsync(TaskConfig task) => grpc.UnaryAsync(Drv + "StartTask", new StartTaskRequest { Task = task }, StartTaskResponse.Parser);

    public Task<WaitTaskResponse> WaitTaskAsync(string id, CancellationToken cancellationToken = default) =>
        grpc.UnaryAsync(Drv + "WaitTask", new WaitTaskRequest { TaskId = id }, WaitTaskResponse.Parser, cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(string id, TimeSpan timeout, string signal = "") => grpc.UnaryAsync(
        Drv + "StopTask",
        new StopTaskRequest { TaskId = id, Timeout = Duration.FromTimeSpan(timeout), Signal = signal },
        StopTaskResponse.Parser);

    public Task<DestroyTaskResponse> DestroyTaskAsync(string id) =>
        grpc.UnaryAsync(Drv + "DestroyTask", new DestroyTaskRequest { TaskId = id, Force = true }, DestroyTaskResponse.Parser);

    public Task<InspectTaskResponse> InspectTaskAsync(string id) =>
        grpc.UnaryAsync(Drv + "InspectTask", new InspectTaskRequest { TaskId = id }, InspectTaskResponse.Parser);

    public Task<SignalTaskResponse> SignalTaskAsync(string id, string signal) =>
        grpc.UnaryAsync(Drv + "SignalTask", new SignalTaskRequest { TaskId = id, Signal = signal }, SignalTaskResponse.Parser);

    /// <summary>As Nomad calls it: task_id empty, the id only inside the handle (§8.3).</summary>
    public Task<RecoverTaskResponse> RecoverTaskAsync(TaskHandle handle) =>
        grpc.UnaryAsync(Drv + "RecoverTask", new RecoverTaskRequest { Handle = handle }, RecoverTaskResponse.Parser);

    public IAsyncEnumerable<TaskStatsResponse> TaskStatsAsync(string id, TimeSpan interval, CancellationToken cancellationToken) =>
        grpc.StreamAsync(Drv + "TaskStats", new TaskStatsRequest { TaskId = id, CollectionInterval = Duration.FromTimeSpan(interval) }, TaskStatsResponse.Parser, cancellationToken);

    public Task<ExecTaskResponse> ExecTaskAsync(string id) =>
        grpc.UnaryAsync(Drv + "ExecTask", new ExecTaskRequest { TaskId = id, Command = { "/bin/true" } }, ExecTaskResponse.Parser);

    public Task<ExecTaskStreamingResponse> ExecTaskStreamingAsync(string id) => grpc.UnaryAsync(
        Drv + "ExecTaskStreaming",
        new ExecTaskStreamingRequest { Setup = new ExecTaskStreamingRequest.Types.Setup { TaskId = id, Command = { "/bin/sh" } } },
        ExecTaskStreamingResponse.Parser);

    public Task<CreateNetworkResponse> CreateNetworkAsync(string allocId) =>
        grpc.UnaryAsync(Drv + "CreateNetwork", new CreateNetworkRequest { AllocId = allocId }, CreateNetworkResponse.Parser);

    public Task<ShutdownResponse> ShutdownAsync() => grpc.UnaryAsync(Drv + "Shutdown", new ShutdownRequest(), ShutdownResponse.Parser);
}
