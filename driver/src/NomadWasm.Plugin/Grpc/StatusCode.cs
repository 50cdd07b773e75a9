namespace NomadWasm.Plugin.Grpc;

/// <summary>gRPC status codes (grpc/grpc doc/statuscodes.md); the numeric values travel in <c>grpc-status</c>.</summary>
public enum StatusCode
{
    /// <summary>Not an error.</summary>
    OK = 0,

    /// <summary>The call was cancelled, typically by the caller.</summary>
    Cancelled = 1,

    /// <summary>Unknown error; what a Go plugin returns for a plain error (spec §13).</summary>
    Unknown = 2,

    /// <summary>The client gave an invalid argument.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline (grpc-timeout) expired before the call completed.</summary>
    DeadlineExceeded = 4,

    /// <summary>A requested entity was not found.</summary>
    NotFound = 5,

    /// <summary>The entity already exists.</summary>
    AlreadyExists = 6,

    /// <summary>The caller may not perform the operation.</summary>
    PermissionDenied = 7,

    /// <summary>A resource, such as the message size limit, was exhausted.</summary>
    ResourceExhausted = 8,

    /// <summary>The system is not in a state required for the operation; Nomad's recoverable StartTask errors use it (spec §13).</summary>
    FailedPrecondition = 9,

    /// <summary>The operation was aborted.</summary>
    Aborted = 10,

    /// <summary>The operation went past the valid range.</summary>
    OutOfRange = 11,

    /// <summary>The method is not implemented; tolerated by Nomad only for Init, Shutdown and GRPCStdio.</summary>
    Unimplemented = 12,

    /// <summary>An invariant of the protocol or the server was broken.</summary>
    Internal = 13,

    /// <summary>The service is unavailable. Never return it for ordinary failures: Nomad treats it as the plugin dying (spec §13).</summary>
    Unavailable = 14,

    /// <summary>Unrecoverable data loss.</summary>
    DataLoss = 15,

    /// <summary>The request lacks valid authentication.</summary>
    Unauthenticated = 16,
}
