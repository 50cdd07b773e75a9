using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading.Channels;
using Google.Protobuf;
using NomadWasm.Tests.Shared;

namespace NomadWasm.Plugin.Tests.Grpc;

/// <summary>
/// A real HTTP/2 gRPC client for tests: SocketsHttpHandler over a Unix socket, h2c with prior knowledge, authority
/// "unused" as grpc-go sends it (spec §15 item 16). Reads the status from trailers, or from headers when trailers-only.
/// </summary>
internal sealed class GrpcTestClient : IDisposable
{
    private readonly HttpClient _http;

    internal GrpcTestClient(string socketPath) => _http = UnixSocketHttp2.Create(socketPath);

    internal sealed record CallResult(int HttpStatus, int GrpcStatus, string? GrpcMessage, IReadOnlyList<byte[]> Messages, bool TrailersOnly, HttpResponseMessage Response);

    internal static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    internal static HttpRequestMessage NewRequest(string path, HttpContent content, string? timeout = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = content,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        content.Headers.ContentType ??= new MediaTypeHeaderValue("application/grpc");
        if (timeout is not null)
        {
            request.Headers.Add("grpc-timeout", timeout);
        }

        return request;
    }

    /// <summary>Sends one request message and reads the whole response.</summary>
    internal async Task<CallResult> CallAsync(string path, IMessage? request, string? timeout = null, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(request is null ? [] : Frame(request));
        using var message = NewRequest(path, content, timeout);
        return await SendAsync(message, cancellationToken);
    }

    internal async Task<CallResult> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var messages = new List<byte[]>();
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            while (await ReadFrameAsync(body, cancellationToken) is { } frame)
            {
                messages.Add(frame);
            }
        }

        return ToResult(response, messages);
    }

    /// <summary>Starts a call whose request body is written from a channel (bidi); returns once response headers arrive.</summary>
    internal async Task<HttpResponseMessage> StartDuplexFromChannelAsync(
        string path, ChannelReader<IMessage> requests, CancellationToken cancellationToken = default)
    {
        var request = NewRequest(path, new ChannelContent(requests));
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    internal Task<HttpResponseMessage> StartAsync(string path, IMessage request, CancellationToken cancellationToken = default, string? timeout = null)
    {
        var message = NewRequest(path, new ByteArrayContent(Frame(request)), timeout);
        return _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    internal static async Task<byte[]?> ReadFrameAsync(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        var read = await ReadAtLeastAsync(body, header, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < 5)
        {
            throw new InvalidDataException($"Truncated frame header ({read} bytes).");
        }

        if (header[0] != 0)
        {
            var rest = new byte[4096];
            var n = await body.ReadAtLeastAsync(rest, 1, throwOnEndOfStream: false, cancellationToken);
            throw new InvalidDataException($"Compressed flag {header[0]} in a response frame; body: {System.Text.Encoding.UTF8.GetString(header)}{System.Text.Encoding.UTF8.GetString(rest, 0, n)}");
        }
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        if (await ReadAtLeastAsync(body, payload, cancellationToken) != payload.Length)
        {
            throw new InvalidDataException("Truncated frame payload.");
        }

        return payload;
    }

    internal static CallResult ToResult(HttpResponseMessage response, List<byte[]> messages)
    {
        var trailersOnly = !response.TrailingHeaders.TryGetValues("grpc-status", out var statusValues);
        if (trailersOnly)
        {
            statusValues = response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues : ["-1"];
        }

        var headers = trailersOnly ? (HttpHeaders)response.Headers : response.TrailingHeaders;
        var grpcMessage = headers.TryGetValues("grpc-message", out var messageValues) ? messageValues.Single() : null;
        return new CallResult((int)response.StatusCode, int.Parse(statusValues!.Single(), System.Globalization.CultureInfo.InvariantCulture), grpcMessage, messages, trailersOnly, response);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<int> ReadAtLeastAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);

    private sealed class ChannelContent(ChannelReader<IMessage> messages) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await foreach (var message in messages.ReadAllAsync())
            {
                await stream.WriteAsync(Frame(message));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
