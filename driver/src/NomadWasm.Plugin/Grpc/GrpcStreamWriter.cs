using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class GrpcStreamWriter<T>(GrpcCall call) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteStreamedAsync(message, cancellationToken);
    }
}
