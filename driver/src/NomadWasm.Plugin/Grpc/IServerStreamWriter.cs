namespace NomadWasm.Plugin.Grpc;

/// <summary>Writes response messages of a server-streaming or bidirectional call.</summary>
/// <remarks>Safe to call from several tasks: writes are serialized. Each write is flushed to the client.</remarks>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message. Throws <see cref="OperationCanceledException"/> once the call is cancelled or over.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
