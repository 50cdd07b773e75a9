using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace NomadWasm.Plugin.Grpc;

/// <summary>One call in flight: its HTTP/2 stream, cancellation and write state. Created and finished by <see cref="GrpcDispatcher"/>.</summary>
internal sealed class GrpcCall : IDisposable
{
    private readonly HttpContext _httpContext;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource? _deadline;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly bool _gzip;
    private readonly int _maxReceiveMessageSize;
    private volatile bool _deadlineExceeded;
    private volatile bool _finished;

    internal GrpcCall(HttpContext httpContext, string method, TimeSpan? timeout, bool gzip, int maxReceiveMessageSize, CancellationToken serverStopping)
    {
        _httpContext = httpContext;
        _gzip = gzip;
        _maxReceiveMessageSize = maxReceiveMessageSize;
        DateTime? deadline = null;
        if (timeout is { } t)
        {
            deadline = DateTime.UtcNow + t;
            _deadline = new CancellationTokenSource(t);
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, serverStopping, _deadline.Token);
        }
        else
        {
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, serverStopping);
        }

        Context = new ServerCallContext(httpContext, method, deadline, _cancellation.Token);
    }

    internal ServerCallContext Context { get; }

    /// <summary>True once at least one response message has been written: the status then goes in trailers.</summary>
    internal bool MessagesWritten { get; private set; }

    /// <summary>True when the deadline passed (before the handler finished, once <see cref="FinishAsync"/> ran).</summary>
    internal bool DeadlineExceeded => _deadlineExceeded;

    internal CancellationToken CancellationToken => _cancellation.Token;

    internal ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T> =>
        GrpcFraming.ReadMessageAsync(_httpContext.Request.BodyReader, parser, _gzip, _maxReceiveMessageSize, cancellationToken);

    /// <summary>Writes the single response of a unary or client-streaming call; the server flushes it with the trailers.</summary>
    internal void WriteUnaryResponse(IMessage response)
    {
        ThrowIfFinished();
        GrpcFraming.WriteMessage(_httpContext.Response.BodyWriter, response);
        MessagesWritten = true;
    }

    /// <summary>Writes and flushes one streamed message; writes from several tasks are serialized.</summary>
    internal async Task WriteStreamedAsync(IMessage message, CancellationToken cancellationToken)
    {
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _cancellation.Token;
        await _writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            ThrowIfFinished();
            _cancellation.Token.ThrowIfCancellationRequested();
            GrpcFraming.WriteMessage(_httpContext.Response.BodyWriter, message);
            MessagesWritten = true;
            await _httpContext.Response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Marks the call over: later writes throw. Returns once an in-progress write has finished.</summary>
    internal async ValueTask FinishAsync()
    {
        _deadlineExceeded = _deadline?.IsCancellationRequested == true;
        await _writeLock.WaitAsync().ConfigureAwait(false);
        _finished = true;
        _writeLock.Release();
    }

    public void Dispose()
    {
        _cancellation.Dispose();
        _deadline?.Dispose();
        _writeLock.Dispose();
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw new OperationCanceledException("The call has already completed.");
        }
    }
}
