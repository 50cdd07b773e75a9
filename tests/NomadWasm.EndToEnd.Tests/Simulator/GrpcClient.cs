using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using NomadWasm.Tests.Shared;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// A minimal gRPC client the way go-plugin dials a plugin: plaintext HTTP/2 with prior knowledge
/// over the unix socket from the handshake line, authority "unused" (nomad-plugin-protocol.md
/// §3.5, §15 item 16). Length-prefixed messages, grpc-status from trailers (or headers for a
/// trailers-only response).
/// </summary>
internal sealed class GrpcClient : IDisposable
{
    private readonly HttpClient _http;

    public GrpcClient(string socketPath) => _http = UnixSocketHttp2.Create(socketPath);

    public async Task<TResponse> UnaryAsync<TResponse>(string path, IMessage request, MessageParser<TResponse> parser, CancellationToken cancellationToken = default)
        where TResponse : IMessage<TResponse>
    {
        TResponse? result = default;
        var count = 0;
        await foreach (var message in StreamAsync(path, request, parser, cancellationToken))
        {
            result = message;
            count++;
        }

        return count == 1 ? result! : throw new InvalidOperationException($"{path}: unary call returned {count} messages");
    }

    public async IAsyncEnumerable<TResponse> StreamAsync<TResponse>(string path, IMessage request, MessageParser<TResponse> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TResponse : IMessage<TResponse>
    {
        using var httpRequest = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Frame(request)),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        httpRequest.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        httpRequest.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await _http.SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode} {response.Version} {response.Headers} {text}");
        }

        ThrowIfError(response.Headers); // trailers-only response
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var header = new byte[5];
        while (await ReadFullyAsync(body, header, cancellationToken))
        {
            if (header[0] != 0)
            {
                throw new InvalidOperationException($"{path}: compressed frame not expected");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
            var payload = new byte[length];
            if (length > 0 && !await ReadFullyAsync(body, payload, cancellationToken))
            {
                throw new InvalidOperationException($"{path}: truncated message");
            }

            yield return parser.ParseFrom(payload);
        }

        if (!response.TrailingHeaders.Contains("grpc-status") && !response.Headers.Contains("grpc-status"))
        {
            throw new InvalidOperationException($"{path}: response ended without grpc-status");
        }

        ThrowIfError(response.TrailingHeaders);
    }

    public void Dispose() => _http.Dispose();

    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static void ThrowIfError(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var values))
        {
            return;
        }

        var code = int.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture);
        if (code == 0)
        {
            return;
        }

        var message = headers.TryGetValues("grpc-message", out var m) ? Uri.UnescapeDataString(m.First()) : string.Empty;
        byte[]? details = null;
        if (headers.TryGetValues("grpc-status-details-bin", out var d))
        {
            var text = d.First();
            details = Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
        }

        throw new GrpcStatusException(code, message, details);
    }

    private static async Task<bool> ReadFullyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return read == 0 ? false : throw new InvalidOperationException("stream ended inside a message");
            }

            read += n;
        }

        return true;
    }
}
