using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// gRPC's length-prefixed messages (gRPC over HTTP/2, "Length-Prefixed-Message"):
/// <code>
///  0        1                               5
/// +--------+-------------------------------+------------------------+
/// | flag   | length (uint32, big-endian)   | message (length bytes) |
/// +--------+-------------------------------+------------------------+
/// </code>
/// flag 0 = not compressed, 1 = compressed with the call's <c>grpc-encoding</c>.
/// </summary>
internal static class GrpcFraming
{
    internal const int HeaderSize = 5;

    /// <summary>Writes one uncompressed message; the caller flushes.</summary>
    internal static void WriteMessage(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var header = writer.GetSpan(HeaderSize);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
        writer.Advance(HeaderSize);
        if (size > 0)
        {
            message.WriteTo(writer);
        }
    }

    /// <summary>Reads the next message, or returns null when the client has half-closed with no partial message left.</summary>
    internal static async ValueTask<T?> ReadMessageAsync<T>(
        PipeReader reader, MessageParser<T> parser, bool gzip, int maxMessageSize, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(buffer, maxMessageSize, out var compressed, out var payload))
            {
                T message;
                try
                {
                    message = compressed ? ParseCompressed(payload, parser, gzip, maxMessageSize) : parser.ParseFrom(payload);
                }
                catch (InvalidProtocolBufferException e)
                {
                    throw new RpcException(StatusCode.Internal, $"Failed to deserialize request message {typeof(T).Name}: {e.Message}");
                }
                finally
                {
                    reader.AdvanceTo(payload.End);
                }

                return message;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty
                    ? null
                    : throw new RpcException(StatusCode.Internal, $"Request ended inside a message ({buffer.Length} bytes of a frame received).");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Splits one whole frame off the front of <paramref name="buffer"/>, if it holds one.</summary>
    internal static bool TryReadFrame(in ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {flag} in a message header (must be 0 or 1).");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxMessageSize}).");
        }

        if (buffer.Length - HeaderSize < length)
        {
            return false;
        }

        compressed = flag == 1;
        payload = buffer.Slice(HeaderSize, length);
        return true;
    }

    private static T ParseCompressed<T>(in ReadOnlySequence<byte> payload, MessageParser<T> parser, bool gzip, int maxMessageSize)
        where T : IMessage<T>
    {
        if (!gzip)
        {
            throw new RpcException(StatusCode.Internal, "Compressed flag set but the request has no grpc-encoding.");
        }

        // Cold path: the Go client does not compress unless asked to.
        using var compressedStream = new MemoryStream(payload.ToArray(), writable: false);
        using var gzipStream = new GZipStream(compressedStream, CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = gzipStream.Read(chunk, 0, chunk.Length)) > 0)
        {
            decompressed.Write(chunk, 0, read);
            if (decompressed.Length > maxMessageSize)
            {
                throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxMessageSize}).");
            }
        }

        decompressed.Position = 0;
        return parser.ParseFrom(decompressed);
    }
}
