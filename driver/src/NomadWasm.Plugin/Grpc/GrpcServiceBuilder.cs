using System.Collections.Frozen;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// Registers the methods the plugin serves, by full gRPC path (<c>/package.Service/Method</c>).
/// go-plugin's own services (health, controller, stdio, broker) are added by <see cref="PluginServer"/>.
/// </summary>
/// <example>
/// <code>
/// services.MapUnary&lt;PluginInfoRequest, PluginInfoResponse&gt;(
///     "/hashicorp.nomad.plugins.base.proto.BasePlugin/PluginInfo", (request, context) => Task.FromResult(info));
/// </code>
/// </example>
public sealed class GrpcServiceBuilder
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);

    internal GrpcServiceBuilder(ILoggerFactory loggerFactory, CancellationToken shuttingDown)
    {
        LoggerFactory = loggerFactory;
        ShuttingDown = shuttingDown;
    }

    /// <summary>The plugin's loggers: go-hclog JSON lines on stderr.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Fires when the plugin starts shutting down (GRPCController/Shutdown or SIGTERM).</summary>
    public CancellationToken ShuttingDown { get; }

    /// <summary>Registers a unary method.</summary>
    public GrpcServiceBuilder MapUnary<TRequest, TResponse>(string path, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new UnaryMethod<TRequest, TResponse>(path, handler));
    }

    /// <summary>Registers a server-streaming method; the call ends with OK when the handler's task completes.</summary>
    public GrpcServiceBuilder MapServerStreaming<TRequest, TResponse>(
        string path, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new ServerStreamingMethod<TRequest, TResponse>(path, handler));
    }

    /// <summary>Registers a client-streaming method.</summary>
    public GrpcServiceBuilder MapClientStreaming<TRequest, TResponse>(
        string path, Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new ClientStreamingMethod<TRequest, TResponse>(path, handler));
    }

    /// <summary>Registers a bidirectional-streaming method.</summary>
    public GrpcServiceBuilder MapBidiStreaming<TRequest, TResponse>(
        string path, Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new BidiStreamingMethod<TRequest, TResponse>(path, handler));
    }

    /// <summary>True when <paramref name="path"/> has a handler.</summary>
    public bool IsMapped(string path) => _methods.ContainsKey(path);

    internal FrozenDictionary<string, GrpcMethod> Build() => _methods.ToFrozenDictionary(StringComparer.Ordinal);

    private GrpcServiceBuilder Add(GrpcMethod method)
    {
        ValidatePath(method.Path);
        if (!_methods.TryAdd(method.Path, method))
        {
            throw new ArgumentException($"gRPC method '{method.Path}' is already mapped.", nameof(method));
        }

        return this;
    }

    private static void ValidatePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var slash = path.IndexOf('/', 1);
        if (path.Length < 4 || path[0] != '/' || slash < 2 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            throw new ArgumentException($"gRPC method path '{path}' must have the form /package.Service/Method.", nameof(path));
        }
    }
}
