using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class ClientStreamingMethod<TRequest, TResponse>(
    string path, Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) : GrpcMethod(path)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(static () => new TRequest());

    internal override async Task InvokeAsync(GrpcCall call)
    {
        var response = await handler(new GrpcStreamReader<TRequest>(call, Parser), call.Context).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, $"The handler of {Path} returned no response.");
        call.WriteUnaryResponse(response);
    }
}
