using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

internal sealed class GrpcStreamReader<T>(GrpcCall call, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;
    private bool _ended;

    public T Current => _current ?? throw new InvalidOperationException("MoveNextAsync has not returned true yet.");

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return false;
        }

        var token = cancellationToken.CanBeCanceled ? cancellationToken : call.CancellationToken;
        var message = await call.ReadMessageAsync(parser, token).ConfigureAwait(false);
        if (message is null)
        {
            _ended = true;
            return false;
        }

        _current = message;
        return true;
    }
}
