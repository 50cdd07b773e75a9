using System.Text.Json;
using System.Text.Json.Serialization;
using NomadWasm.Driver.Config;

namespace NomadWasm.Driver.Tasks;

/// <summary>
/// Everything RecoverTask needs, stored in TaskHandle.driver_state as versioned JSON at StartTask
/// (nomad-plugin-protocol.md §12.5: there is no RPC to update a handle, and after an agent restart
/// the handle's msgpack_driver_config is empty, so the decoded task config is kept here too).
/// </summary>
internal sealed record TaskState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string TaskId { get; init; }

    public required string AllocId { get; init; }

    public required string TaskName { get; init; }

    public required int HostPid { get; init; }

    public required ulong HostStartTicks { get; init; }

    public required int WatcherPid { get; init; }

    public required ulong WatcherStartTicks { get; init; }

    public required string ListenAddress { get; init; }

    public required string AppPath { get; init; }

    public required string StatusPath { get; init; }

    public required string RunDirectory { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required int MemoryLimitMb { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public required StoredTaskConfig Config { get; init; }

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, TaskStateJson.Default.TaskState);

    /// <exception cref="InvalidDataException">The bytes are not a driver_state this plugin wrote.</exception>
    public static TaskState Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new InvalidDataException("driver_state is empty: the handle was not written by the spin driver");
        }

        TaskState? state;
        try
        {
            state = JsonSerializer.Deserialize(bytes, TaskStateJson.Default.TaskState);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"driver_state is not valid spin driver state: {e.Message}", e);
        }

        if (state is null)
        {
            throw new InvalidDataException("driver_state is null");
        }

        if (state.Version != CurrentVersion)
        {
            throw new InvalidDataException($"driver_state version {state.Version} is not supported (this plugin writes version {CurrentVersion})");
        }

        return state;
    }
}

/// <summary>The job config as stored in driver_state.</summary>
internal sealed record StoredTaskConfig(
    string App,
    string Port,
    Dictionary<string, string> Variables,
    Dictionary<string, string> Environment,
    string RequestTimeout)
{
    public static StoredTaskConfig From(SpinTaskConfig c) => new(
        c.App,
        c.Port,
        new Dictionary<string, string>(c.Variables, StringComparer.Ordinal),
        new Dictionary<string, string>(c.Environment, StringComparer.Ordinal),
        c.RequestTimeout);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TaskState))]
internal sealed partial class TaskStateJson : JsonSerializerContext;
