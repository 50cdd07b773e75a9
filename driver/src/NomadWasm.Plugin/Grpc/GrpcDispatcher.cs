using System.Collections.Frozen;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// The single boundary between HTTP/2 requests and gRPC calls (gRPC over HTTP/2, PROTOCOL-HTTP2.md):
/// checks method and content-type, parses <c>grpc-timeout</c> and <c>grpc-encoding</c>, runs the handler and turns
/// its outcome into <c>grpc-status</c> / <c>grpc-message</c> (trailers, or trailers-only when no message was sent).
/// </summary>
internal sealed partial class GrpcDispatcher(
    FrozenDictionary<string, GrpcMethod> methods, int maxReceiveMessageSize, ILogger logger, CancellationToken serverStopping)
{
    internal const string GrpcContentType = "application/grpc";

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcContentType;

        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            WriteTrailersOnly(response, StatusCode.Internal, $"Request method {request.Method} is not supported: gRPC requires POST.");
            return;
        }

        if (!IsGrpcContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            WriteTrailersOnly(response, StatusCode.Internal, $"Content-Type '{request.ContentType}' is not supported: gRPC requires application/grpc.");
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if (!methods.TryGetValue(path, out var method))
        {
            WriteTrailersOnly(response, StatusCode.Unimplemented, $"Method {path} is not implemented by this plugin.");
            return;
        }

        TimeSpan? timeout = null;
        var timeoutHeader = request.Headers["grpc-timeout"];
        if (timeoutHeader.Count > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader.ToString(), out var parsed))
            {
                WriteTrailersOnly(response, StatusCode.Internal, $"Malformed grpc-timeout '{timeoutHeader}'.");
                return;
            }

            timeout = parsed;
        }

        var gzip = false;
        var encoding = request.Headers["grpc-encoding"].ToString();
        if (encoding.Length > 0 && encoding != "identity")
        {
            if (encoding != "gzip")
            {
                response.Headers["grpc-accept-encoding"] = "identity,gzip";
                WriteTrailersOnly(response, StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported (identity, gzip).");
                return;
            }

            gzip = true;
        }

        using var call = new GrpcCall(context, path, timeout, gzip, maxReceiveMessageSize, serverStopping);
        var status = StatusCode.OK;
        var message = string.Empty;
        IReadOnlyList<IMessage> details = [];
        try
        {
            await method.InvokeAsync(call).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            (status, message, details) = (e.StatusCode, e.Message, e.Details);
        }
        catch (Exception e) when (call.CancellationToken.IsCancellationRequested)
        {
            // The handler stopped because the client cancelled, the deadline passed or the plugin is stopping;
            // which of the three it was is decided below.
            (status, message) = (StatusCode.Cancelled, "The call was cancelled.");
            LogCancelled(logger, path, e.GetType().Name);
        }
#pragma warning disable CA1031 // The one catch-all: any handler failure becomes status Unknown, as a Go plugin's plain error does (spec §13).
        catch (Exception e)
#pragma warning restore CA1031
        {
            (status, message) = (StatusCode.Unknown, e.Message);
            LogHandlerFailed(logger, path, e);
        }

        await call.FinishAsync().ConfigureAwait(false);
        if (call.DeadlineExceeded)
        {
            (status, message, details) = (StatusCode.DeadlineExceeded, "Deadline exceeded.", []);
        }
        else if (serverStopping.IsCancellationRequested && status == StatusCode.Cancelled && !context.RequestAborted.IsCancellationRequested)
        {
            (status, message) = (StatusCode.Unavailable, "The plugin is shutting down.");
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            return; // The client reset the stream: nobody is left to read a status.
        }

        if (call.MessagesWritten || response.HasStarted)
        {
            WriteTrailers(response, status, message, details);
        }
        else
        {
            WriteTrailersOnly(response, status, message, details);
        }
    }

    private static bool IsGrpcContentType(string? contentType) =>
        contentType is not null
        && contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == GrpcContentType.Length || contentType[GrpcContentType.Length] is '+' or ';');

    /// <summary>A "Trailers-Only" response: HEADERS with END_STREAM carrying the status, no DATA.</summary>
    private static void WriteTrailersOnly(HttpResponse response, StatusCode status, string message, IReadOnlyList<IMessage>? details = null)
    {
        var headers = response.Headers;
        headers["grpc-status"] = StatusText(status);
        if (message.Length > 0)
        {
            headers["grpc-message"] = GrpcStatusMessage.Encode(message);
        }

        if (details is { Count: > 0 })
        {
            headers["grpc-status-details-bin"] = EncodeDetails(status, message, details);
        }
    }

    private static void WriteTrailers(HttpResponse response, StatusCode status, string message, IReadOnlyList<IMessage> details)
    {
        response.AppendTrailer("grpc-status", StatusText(status));
        if (message.Length > 0)
        {
            response.AppendTrailer("grpc-message", GrpcStatusMessage.Encode(message));
        }

        if (details.Count > 0)
        {
            response.AppendTrailer("grpc-status-details-bin", EncodeDetails(status, message, details));
        }
    }

    private static string StatusText(StatusCode status) => status switch
    {
        StatusCode.OK => "0",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>google.rpc.Status with the same code as grpc-status (grpc-go reports Internal otherwise), base64 without padding.</summary>
    private static string EncodeDetails(StatusCode status, string message, IReadOnlyList<IMessage> details)
    {
        var rpcStatus = new Protos.Rpc.Status { Code = (int)status, Message = message };
        foreach (var detail in details)
        {
            rpcStatus.Details.Add(Any.Pack(detail));
        }

        return Convert.ToBase64String(rpcStatus.ToByteArray()).TrimEnd('=');
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method} cancelled ({Reason})")]
    private static partial void LogCancelled(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC handler of {Method} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);
}
