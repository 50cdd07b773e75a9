using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class UnaryMethod<TRequest, TResponse>(
    string path, Func<TRequest, ServerCallContext, Task<TResponse>> handler) : GrpcMethod(path)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(static () => new TRequest());

    internal override async Task InvokeAsync(GrpcCall call)
    {
        var request = await ReadSingleRequestAsync(call, Parser).ConfigureAwait(false);
        var response = await handler(request, call.Context).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, $"The handler of {Path} returned no response.");
        call.WriteUnaryResponse(response);
    }
}
