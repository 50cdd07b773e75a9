using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class BidiStreamingMethod<TRequest, TResponse>(
    string path, Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : GrpcMethod(path)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(static () => new TRequest());

    internal override Task InvokeAsync(GrpcCall call) =>
        handler(new GrpcStreamReader<TRequest>(call, Parser), new GrpcStreamWriter<TResponse>(call), call.Context);
}
