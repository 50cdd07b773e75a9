namespace NomadWasm.Plugin.Grpc;

/// <summary>Reads the request messages of a bidirectional (or client-streaming) call.</summary>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNextAsync"/>.</summary>
    T Current { get; }

    /// <summary>Reads the next message; false once the client has half-closed its side.</summary>
    ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default);
}
