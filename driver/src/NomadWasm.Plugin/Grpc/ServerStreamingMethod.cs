using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class ServerStreamingMethod<TRequest, TResponse>(
    string path, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : GrpcMethod(path)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(static () => new TRequest());

    internal override async Task InvokeAsync(GrpcCall call)
    {
        var request = await ReadSingleRequestAsync(call, Parser).ConfigureAwait(false);
        await handler(request, new GrpcStreamWriter<TResponse>(call), call.Context).ConfigureAwait(false);
    }
}
