using System.Collections.Frozen;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// Kestrel serving plaintext HTTP/2 with prior knowledge (h2c) on a Unix socket, which is how go-plugin's client dials
/// (spec §3.5: insecure credentials; the endpoint must be HTTP/2 only). No generic host: nothing may reach stdout, and
/// SIGINT must not stop the server (spec §14).
/// </summary>
internal sealed class GrpcServer : IAsyncDisposable
{
    private readonly KestrelServer _kestrel;
    private readonly CancellationTokenSource _stopping;
    private readonly GrpcServerOptions _options;
    private bool _stopped;

    private GrpcServer(KestrelServer kestrel, CancellationTokenSource stopping, GrpcServerOptions options, string socketPath)
    {
        _kestrel = kestrel;
        _stopping = stopping;
        _options = options;
        SocketPath = socketPath;
    }

    internal string SocketPath { get; }

    /// <summary>Binds <paramref name="socketPath"/> and starts accepting; when this returns, connects succeed.</summary>
    internal static async Task<GrpcServer> StartAsync(
        string socketPath,
        GrpcServerOptions options,
        Func<CancellationToken, FrozenDictionary<string, GrpcMethod>> buildMethods,
        CancellationTokenSource stopping,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var kestrelOptions = new KestrelServerOptions { AddServerHeader = false };
        var limits = kestrelOptions.Limits;
        limits.Http2.MaxStreamsPerConnection = options.MaxConcurrentStreams;
        limits.KeepAliveTimeout = Timeout.InfiniteTimeSpan;
        limits.MaxRequestBodySize = null;
        // Long-lived streams (ExecTaskStreaming stdin, broker) sit idle for minutes: no minimum data rates.
        limits.MinRequestBodyDataRate = null;
        limits.MinResponseDataRate = null;
        limits.MaxConcurrentConnections = null;
        limits.MaxConcurrentUpgradedConnections = null;
        kestrelOptions.ListenUnixSocket(socketPath, listen => listen.Protocols = HttpProtocols.Http2);

        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory);
        var kestrel = new KestrelServer(Options.Create(kestrelOptions), transport, loggerFactory);
        var dispatcher = new GrpcDispatcher(
            buildMethods(stopping.Token), options.MaxReceiveMessageSize, loggerFactory.CreateLogger("NomadWasm.Plugin.Grpc"), stopping.Token);
        try
        {
            await kestrel.StartAsync(new Application(dispatcher), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            kestrel.Dispose();
            throw;
        }

        return new GrpcServer(kestrel, stopping, options, socketPath);
    }

    /// <summary>Cancels every call (handlers see their token fire), waits the grace period, then closes connections.</summary>
    internal async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(_options.StopGracePeriod);
        await _kestrel.StopAsync(grace.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _kestrel.Dispose();
        try
        {
            File.Delete(SocketPath);
        }
        catch (IOException)
        {
            // Kestrel normally removes the socket file itself; a leftover one is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: best-effort cleanup only.
        }
    }

    private sealed class Application(GrpcDispatcher dispatcher) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => dispatcher.HandleAsync(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
