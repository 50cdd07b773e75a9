using Google.Protobuf;

namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// Thrown by a handler to fail its call with a gRPC status. The server turns it into the
/// <c>grpc-status</c> / <c>grpc-message</c> trailers, and, when <see cref="Details"/> is not empty,
/// into a <c>grpc-status-details-bin</c> trailer carrying a <c>google.rpc.Status</c> with the same code
/// (spec §13: Nomad reads <c>RecoverableError</c> from there).
/// </summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an exception for the given status code and message.</summary>
    public RpcException(StatusCode statusCode, string message)
        : this(statusCode, message, [])
    {
    }

    /// <summary>Creates an exception whose status carries detail messages (each packed as <c>google.protobuf.Any</c>).</summary>
    public RpcException(StatusCode statusCode, string message, params IMessage[] details)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = statusCode;
        Details = details;
    }

    /// <summary>Creates an exception with status <see cref="StatusCode.Unknown"/>.</summary>
    public RpcException()
        : this(StatusCode.Unknown, "Unknown error.")
    {
    }

    /// <summary>Creates an exception with status <see cref="StatusCode.Unknown"/> and the given message.</summary>
    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    /// <summary>Creates an exception with status <see cref="StatusCode.Unknown"/> wrapping another.</summary>
    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCode.Unknown;
        Details = [];
    }

    /// <summary>The status code sent in <c>grpc-status</c>.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>Messages sent as <c>google.rpc.Status.details</c>; empty for none.</summary>
    public IReadOnlyList<IMessage> Details { get; }
}
