using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Protos.GoPlugin;

namespace NomadWasm.Plugin.Services;

/// <summary>
/// go-plugin's own services (spec §5, proto package <c>plugin</c>). The client opens GRPCStdio/StreamStdio and
/// GRPCBroker/StartStream right after connecting; both are held open (Nomad discards stdio data and never uses the
/// broker). GRPCController/Shutdown replies, then triggers the process exit.
/// </summary>
internal static class GoPluginServices
{
    internal const string ShutdownPath = "/plugin.GRPCController/Shutdown";
    internal const string StreamStdioPath = "/plugin.GRPCStdio/StreamStdio";
    internal const string StartStreamPath = "/plugin.GRPCBroker/StartStream";

    internal static void Map(GrpcServiceBuilder builder, Action requestShutdown)
    {
        builder.MapUnary<Empty, Empty>(ShutdownPath, (_, context) =>
        {
            // Reply first: the process starts stopping once the response has been handed to the client.
            context.OnCompleted(requestShutdown);
            return Task.FromResult(new Empty());
        });

        builder.MapServerStreaming<Google.Protobuf.WellKnownTypes.Empty, StdioData>(StreamStdioPath, static (_, _, context) =>
            WaitUntilCancelledAsync(context.CancellationToken));

        builder.MapBidiStreaming<ConnInfo, ConnInfo>(StartStreamPath, static async (requests, _, context) =>
        {
            // Drain whatever the client sends until it half-closes or cancels; nothing is brokered.
            while (await requests.MoveNextAsync(context.CancellationToken).ConfigureAwait(false))
            {
            }

            await WaitUntilCancelledAsync(context.CancellationToken).ConfigureAwait(false);
        });
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), completion).ConfigureAwait(false))
        {
            await completion.Task.ConfigureAwait(false);
        }
    }
}
