using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Handshake;
using NomadWasm.Plugin.Logging;
using NomadWasm.Plugin.Services;

namespace NomadWasm.Plugin;

/// <summary>
/// Runs a go-plugin gRPC plugin process the way Nomad expects (spec §3-§5, §14):
/// <list type="number">
/// <item>checks the magic cookie, else explains itself on stderr and returns 1;</item>
/// <item>negotiates the app protocol version from <c>PLUGIN_PROTOCOL_VERSIONS</c>;</item>
/// <item>sends everything written to Console.Out to stderr, so only the handshake ever reaches stdout;</item>
/// <item>ignores SIGINT (Nomad's terminal Ctrl-C reaches the whole process group); SIGTERM stops gracefully;</item>
/// <item>serves h2c gRPC on a fresh Unix socket: the caller's services plus health, controller, stdio and broker;</item>
/// <item>prints <c>1|2|unix|/path|grpc|</c> once the socket accepts connections;</item>
/// <item>returns 0 after <c>plugin.GRPCController/Shutdown</c> has been answered (well within Nomad's 2 s).</item>
/// </list>
/// stdin is never read: it is the agent's own stdin and its EOF means nothing (spec §2.3, §14).
/// </summary>
public static class PluginServer
{
    /// <summary>Runs until shutdown; returns the process exit code.</summary>
    public static async Task<int> RunAsync(PluginServerOptions options, Action<GrpcServiceBuilder> configureServices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configureServices);
        var started = Stopwatch.GetTimestamp();
        var stderr = options.LogOutput ?? Console.OpenStandardError();

        if (!MagicCookie.IsValid(options.GetEnvironmentVariable(options.MagicCookieKey), options.MagicCookieValue))
        {
            WriteRaw(stderr, MagicCookie.RefusalMessage(options.PluginName, options.MagicCookieKey));
            return 1;
        }

        var stdout = options.HandshakeOutput ?? Console.OpenStandardOutput();
        if (options.OwnsProcess)
        {
            // Any stray Console.WriteLine must not corrupt the handshake channel; go-plugin logs non-JSON stderr lines at DEBUG.
            Console.SetOut(Console.Error);
        }

        using var loggerProvider = new HclogLoggerProvider(stderr, options.MinimumLogLevel);
        using var loggerFactory = LoggerFactory.Create(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(options.MinimumLogLevel);
            logging.AddProvider(loggerProvider);
        });
        var logger = loggerFactory.CreateLogger(options.PluginName);

        var negotiated = ProtocolVersions.Negotiate(options.GetEnvironmentVariable(ProtocolVersions.EnvironmentVariable), options.AppProtocolVersions);
        foreach (var invalid in negotiated.InvalidEntries)
        {
            logger.LogWarning("Ignoring invalid entry {Entry} in {Variable}", invalid, ProtocolVersions.EnvironmentVariable);
        }

        if (!negotiated.ClientAccepts)
        {
            logger.LogError(
                "No common app protocol version: client offers {ClientVersions}, plugin speaks {PluginVersions}; announcing {Version}",
                options.GetEnvironmentVariable(ProtocolVersions.EnvironmentVariable),
                string.Join(",", options.AppProtocolVersions),
                negotiated.AppVersion);
        }

        using var stopping = new CancellationTokenSource();
        var shutdownRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var signals = options.OwnsProcess ? RegisterSignals(shutdownRequested, logger) : null;

        string socketPath;
        try
        {
            socketPath = UnixSocketPath.Create(options.GetEnvironmentVariable(UnixSocketPath.DirectoryVariable));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Cannot choose a plugin socket path");
            return 1;
        }

        GrpcServer server;
        try
        {
            server = await GrpcServer.StartAsync(
                socketPath,
                options.Grpc,
                token =>
                {
                    var builder = new GrpcServiceBuilder(loggerFactory, token);
                    configureServices(builder);
                    HealthService.Map(builder);
                    GoPluginServices.Map(builder, () => shutdownRequested.TrySetResult());
                    return builder.Build();
                },
                stopping,
                loggerFactory,
                cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            logger.LogError(e, "Cannot listen on plugin socket {Path}", socketPath);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            WriteRaw(stdout, HandshakeLine.Format(ProtocolVersions.Core, negotiated.AppVersion, "unix", socketPath));
            logger.LogDebug(
                "plugin address {Address} network unix, handshake after {Milliseconds} ms",
                socketPath,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            using (cancellationToken.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), shutdownRequested))
            {
                await shutdownRequested.Task.ConfigureAwait(false);
            }

            logger.LogDebug("plugin shutting down");
            await server.StopAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static void WriteRaw(Stream stream, string text)
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush();
    }

    private static SignalRegistrations RegisterSignals(TaskCompletionSource shutdownRequested, ILogger logger)
    {
        var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // Ctrl-C in the agent's terminal reaches the whole process group; Go plugins ignore it (GP:server.go:460-473).
            context.Cancel = true;
            logger.LogDebug("plugin received interrupt signal, ignoring");
        });
        var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            shutdownRequested.TrySetResult();
        });
        return new SignalRegistrations(sigint, sigterm);
    }

    private sealed class SignalRegistrations(PosixSignalRegistration sigint, PosixSignalRegistration sigterm) : IDisposable
    {
        public void Dispose()
        {
            sigint.Dispose();
            sigterm.Dispose();
        }
    }
}
