namespace NomadWasm.Driver.Rpc;

/// <summary>
/// A failed Driver RPC, converted to a gRPC status at the service boundary
/// (nomad-plugin-protocol.md §13): <see cref="Recoverable"/> errors go out as FailedPrecondition
/// with a RecoverableError detail so Nomad applies the restart policy; the rest as Unknown,
/// which is what a Go plugin's plain error becomes.
/// </summary>
internal sealed class DriverRpcException : Exception
{
    /// <summary>The text Go drivers use for an unknown task id (plugins/drivers/errors.go).</summary>
    public const string TaskNotFound = "task not found for given id";

    public DriverRpcException(string message, bool recoverable = false, bool unimplemented = false)
        : base(message)
    {
        Recoverable = recoverable;
        Unimplemented = unimplemented;
    }

    public DriverRpcException()
        : base(TaskNotFound)
    {
    }

    public DriverRpcException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public bool Recoverable { get; }

    public bool Unimplemented { get; }

    public static DriverRpcException NotFound() => new(TaskNotFound);
}
