namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>A call ended with a non-OK grpc-status, as grpc-go would surface it to Nomad.</summary>
internal sealed class GrpcStatusException(int code, string message, byte[]? details) : Exception($"grpc-status {code}: {message}")
{
    public const int Unknown = 2;
    public const int FailedPrecondition = 9;
    public const int Unimplemented = 12;
    public const int Unavailable = 14;

    public int Code { get; } = code;

    public string StatusMessage { get; } = message;

    /// <summary>The grpc-status-details-bin trailer (a serialized google.rpc.Status), if any.</summary>
    public byte[]? Details { get; } = details;
}
