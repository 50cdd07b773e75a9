namespace NomadWasm.Plugin.Grpc;

/// <summary>A registered method: reads requests, runs the handler, writes responses. The status is written by <see cref="GrpcDispatcher"/>.</summary>
internal abstract class GrpcMethod(string path)
{
    /// <summary>The full method path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    internal string Path { get; } = path;

    internal abstract Task InvokeAsync(GrpcCall call);

    /// <summary>Reads the one request message of a unary or server-streaming call.</summary>
    protected static async ValueTask<T> ReadSingleRequestAsync<T>(GrpcCall call, Google.Protobuf.MessageParser<T> parser)
        where T : class, Google.Protobuf.IMessage<T> =>
        await call.ReadMessageAsync(parser, call.CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request ended without a message.");
}
