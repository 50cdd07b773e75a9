using Google.Protobuf;
using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Protos.Base;
using NomadWasm.Plugin.Protos.Drivers;
using NomadWasm.Plugin.Protos.Structs;

namespace NomadWasm.Driver.Rpc;

/// <summary>
/// Maps every BasePlugin and Driver method (nomad-plugin-protocol.md §6.1, §8.1) onto a
/// <see cref="SpinDriver"/>, and converts <see cref="DriverRpcException"/> to gRPC statuses at
/// this one boundary (§13).
/// </summary>
public static class DriverServices
{
    /// <summary>The driver name (jobs' <c>driver = "spin"</c>); also the executable's name in plugin_dir.</summary>
    public const string PluginName = PluginInfo.Name;

    private const string Base = "/hashicorp.nomad.plugins.base.proto.BasePlugin/";
    private const string Drv = "/hashicorp.nomad.plugins.drivers.proto.Driver/";

    /// <summary>Registers the spin driver's services on the plugin's gRPC server.</summary>
    public static void Register(GrpcServiceBuilder services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var driver = new SpinDriver(services.LoggerFactory.CreateLogger("spin"));

        services.MapUnary<PluginInfoRequest, PluginInfoResponse>(Base + "PluginInfo", (_, _) => Task.FromResult(driver.PluginInfo()));
        services.MapUnary<ConfigSchemaRequest, ConfigSchemaResponse>(Base + "ConfigSchema", (_, _) => Task.FromResult(driver.ConfigSchema()));
        services.MapUnary<SetConfigRequest, SetConfigResponse>(Base + "SetConfig", (r, _) => Sync(() => driver.SetConfig(r)));

        services.MapUnary<InitRequest, InitResponse>(Drv + "Init", (_, _) => Task.FromResult(driver.Init()));
        services.MapUnary<TaskConfigSchemaRequest, TaskConfigSchemaResponse>(Drv + "TaskConfigSchema", (_, _) => Task.FromResult(driver.TaskConfigSchema()));
        services.MapUnary<CapabilitiesRequest, CapabilitiesResponse>(Drv + "Capabilities", (_, _) => Task.FromResult(driver.Capabilities()));
        services.MapServerStreaming<FingerprintRequest, FingerprintResponse>(Drv + "Fingerprint", (_, w, c) => Guard(() => driver.FingerprintAsync(m => w.WriteAsync(m, c.CancellationToken), c.CancellationToken)));
        services.MapUnary<RecoverTaskRequest, RecoverTaskResponse>(Drv + "RecoverTask", (r, _) => Sync(() => driver.RecoverTask(r)));
        services.MapUnary<StartTaskRequest, StartTaskResponse>(Drv + "StartTask", (r, c) => Async(() => driver.StartTaskAsync(r, c.CancellationToken)));
        services.MapUnary<WaitTaskRequest, WaitTaskResponse>(Drv + "WaitTask", (r, c) => Async(() => driver.WaitTaskAsync(r, c.CancellationToken)));
        services.MapUnary<StopTaskRequest, StopTaskResponse>(Drv + "StopTask", (r, c) => Async(() => driver.StopTaskAsync(r, c.CancellationToken)));
        services.MapUnary<DestroyTaskRequest, DestroyTaskResponse>(Drv + "DestroyTask", (r, c) => Async(() => driver.DestroyTaskAsync(r, c.CancellationToken)));
        services.MapUnary<InspectTaskRequest, InspectTaskResponse>(Drv + "InspectTask", (r, _) => Sync(() => driver.InspectTask(r)));
        services.MapServerStreaming<TaskStatsRequest, TaskStatsResponse>(Drv + "TaskStats", (r, w, c) => Guard(() => driver.TaskStatsAsync(r, m => w.WriteAsync(m, c.CancellationToken), c.CancellationToken)));
        services.MapServerStreaming<TaskEventsRequest, DriverTaskEvent>(Drv + "TaskEvents", (_, w, c) => Guard(() => driver.TaskEventsAsync(m => w.WriteAsync(m, c.CancellationToken), c.CancellationToken)));
        services.MapUnary<ShutdownRequest, ShutdownResponse>(Drv + "Shutdown", (_, _) => Task.FromResult(driver.Shutdown()));
        services.MapUnary<SignalTaskRequest, SignalTaskResponse>(Drv + "SignalTask", (r, _) => Sync(() => driver.SignalTask(r)));
        services.MapUnary<ExecTaskRequest, ExecTaskResponse>(Drv + "ExecTask", (r, _) => Sync(() => SpinDriver.ExecTask(r)));
        services.MapBidiStreaming<ExecTaskStreamingRequest, ExecTaskStreamingResponse>(Drv + "ExecTaskStreaming", (_, _, _) => throw ToStatus(SpinDriver.ExecStreamingUnsupported()));
        services.MapUnary<CreateNetworkRequest, CreateNetworkResponse>(Drv + "CreateNetwork", (r, _) => Sync(() => SpinDriver.CreateNetwork(r)));
        services.MapUnary<DestroyNetworkRequest, DestroyNetworkResponse>(Drv + "DestroyNetwork", (r, _) => Sync(() => SpinDriver.DestroyNetwork(r)));
    }

    /// <summary>Recoverable → FailedPrecondition + RecoverableError detail (codes equal, §13); unsupported → Unimplemented; else Unknown.</summary>
    internal static RpcException ToStatus(DriverRpcException e) =>
        e.Recoverable ? new RpcException(StatusCode.FailedPrecondition, e.Message, new RecoverableError { Recoverable = true })
        : e.Unimplemented ? new RpcException(StatusCode.Unimplemented, e.Message)
        : new RpcException(StatusCode.Unknown, e.Message);

    private static Task<T> Sync<T>(Func<T> handler)
        where T : IMessage
    {
        try
        {
            return Task.FromResult(handler());
        }
        catch (DriverRpcException e)
        {
            return Task.FromException<T>(ToStatus(e));
        }
    }

    private static async Task<T> Async<T>(Func<Task<T>> handler)
        where T : IMessage
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (DriverRpcException e)
        {
            throw ToStatus(e);
        }
    }

    private static async Task Guard(Func<Task> handler)
    {
        try
        {
            await handler().ConfigureAwait(false);
        }
        catch (DriverRpcException e)
        {
            throw ToStatus(e);
        }
    }
}
