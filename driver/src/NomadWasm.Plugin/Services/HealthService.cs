using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Protos.Health;

namespace NomadWasm.Plugin.Services;

/// <summary>
/// grpc.health.v1.Health as go-plugin registers it (spec §5): <c>"plugin"</c> (and the whole server, <c>""</c>) are SERVING.
/// Other names get NOT_FOUND from Check, as the standard health service answers.
/// </summary>
internal static class HealthService
{
    internal const string CheckPath = "/grpc.health.v1.Health/Check";
    internal const string WatchPath = "/grpc.health.v1.Health/Watch";
    internal const string PluginServiceName = "plugin";

    internal static void Map(GrpcServiceBuilder builder)
    {
        builder.MapUnary<HealthCheckRequest, HealthCheckResponse>(CheckPath, static (request, _) =>
            IsKnown(request.Service)
                ? Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving })
                : throw new RpcException(StatusCode.NotFound, $"Unknown health service '{request.Service}'."));

        builder.MapServerStreaming<HealthCheckRequest, HealthCheckResponse>(WatchPath, static async (request, writer, context) =>
        {
            var status = IsKnown(request.Service)
                ? HealthCheckResponse.Types.ServingStatus.Serving
                : HealthCheckResponse.Types.ServingStatus.ServiceUnknown;
            await writer.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
        });
    }

    private static bool IsKnown(string service) => service.Length == 0 || service == PluginServiceName;
}
