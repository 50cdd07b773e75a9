using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.Driver.Rpc;

internal sealed partial class SpinDriver
{
    private const string NoExec = "the spin driver does not support exec: a Spin app has no shell or processes to run commands in; use an HTTP health check instead";

    /// <summary>
    /// Unsupported: the capability says exec=false. An error status is the answer (§8.3); a
    /// response without <c>result</c> would crash the Nomad client, so none is ever sent.
    /// </summary>
    public static ExecTaskResponse ExecTask(ExecTaskRequest request) =>
        throw new DriverRpcException($"ExecTask for task \"{request.TaskId}\": {NoExec}", unimplemented: true);

    /// <summary>Unsupported: `nomad alloc exec` fails with this message (an error status, §8.3).</summary>
    public static DriverRpcException ExecStreamingUnsupported() => new($"ExecTaskStreaming: {NoExec}", unimplemented: true);

    /// <summary>Only called when must_create_network is true, which this driver never says (§8.3).</summary>
    public static CreateNetworkResponse CreateNetwork(CreateNetworkRequest request) =>
        throw new DriverRpcException($"CreateNetwork for alloc \"{request.AllocId}\": the spin driver uses host networking and never creates network namespaces", unimplemented: true);

    public static DestroyNetworkResponse DestroyNetwork(DestroyNetworkRequest request) =>
        throw new DriverRpcException($"DestroyNetwork for alloc \"{request.AllocId}\": the spin driver creates no network namespaces", unimplemented: true);
}
