using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NomadWasm.Plugin.Grpc;

namespace NomadWasm.Plugin.Tests.Grpc;

/// <summary>A <see cref="GrpcServer"/> on a fresh socket in a temp dir, plus a client connected to it.</summary>
internal sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly GrpcServer _server;
    private readonly string _directory;

    private TestGrpcServer(GrpcServer server, string directory)
    {
        _server = server;
        _directory = directory;
        Client = new GrpcTestClient(server.SocketPath);
    }

    internal GrpcTestClient Client { get; }

    internal string SocketPath => _server.SocketPath;

    internal static async Task<TestGrpcServer> StartAsync(Action<GrpcServiceBuilder> configure, GrpcServerOptions? options = null)
    {
        var directory = Directory.CreateTempSubdirectory("nwp").FullName;
        var socketPath = Path.Combine(directory, "plugin.sock");
        var server = await GrpcServer.StartAsync(
            socketPath,
            options ?? new GrpcServerOptions(),
            token =>
            {
                var builder = new GrpcServiceBuilder(NullLoggerFactory.Instance, token);
                configure(builder);
                return builder.Build();
            },
            new CancellationTokenSource(),
            NullLoggerFactory.Instance,
            CancellationToken.None);
        return new TestGrpcServer(server, directory);
    }

    internal Task StopAsync() => _server.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
