using System.Buffers;
using System.Text;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// Percent-encoding of <c>grpc-message</c> (gRPC over HTTP/2, "Status-Message"): the UTF-8 bytes of the message,
/// with every byte outside printable ASCII 0x20..0x7E, and '%' itself, written as %XX (upper-case hex).
/// </summary>
internal static class GrpcStatusMessage
{
    internal static string Encode(string message)
    {
        var needsEncoding = false;
        foreach (var c in message)
        {
            if (c is < ' ' or > '~' or '%')
            {
                needsEncoding = true;
                break;
            }
        }

        if (!needsEncoding)
        {
            return message;
        }

        var byteCount = Encoding.UTF8.GetByteCount(message);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(message, rented));
            var builder = new StringBuilder(byteCount * 3);
            foreach (var b in bytes)
            {
                if (b is < 0x20 or > 0x7E or (byte)'%')
                {
                    builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
                }
                else
                {
                    builder.Append((char)b);
                }
            }

            return builder.ToString();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes %XX sequences back to UTF-8 text; a malformed sequence is kept as it is (gRPC says decode leniently).</summary>
    internal static string Decode(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add((byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
