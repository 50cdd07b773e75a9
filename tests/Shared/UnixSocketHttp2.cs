using System.Net;
using System.Net.Sockets;

namespace NomadWasm.Tests.Shared;

/// <summary>
/// The HttpClient a go-plugin client uses to reach a plugin: plaintext HTTP/2 with prior knowledge
/// over the unix socket from the handshake line, authority "unused" (nomad-plugin-protocol.md §3.5,
/// §15 item 16). Linked into every test project that dials the plugin.
/// </summary>
internal static class UnixSocketHttp2
{
    public static HttpClient Create(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            EnableMultipleHttp2Connections = false,
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri("http://unused"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
