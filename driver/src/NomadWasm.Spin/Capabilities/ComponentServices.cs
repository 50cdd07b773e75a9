using NomadWasm.Spin.Capabilities.KeyValue;
using NomadWasm.Spin.Capabilities.OutboundHttp;
using NomadWasm.Spin.Capabilities.Redis;
using NomadWasm.Spin.Capabilities.Variables;
using NomadWasm.Spin.Loading;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Capabilities;

/// <summary>
/// Everything one component's host functions need, built once at startup and shared by all of
/// its instances (thread-safe).
/// </summary>
internal sealed class ComponentServices
{
    public required LoadedComponent Component { get; init; }

    public string Id => Component.Id;

    /// <summary>The guest's WASI environment: the component's <c>environment</c> plus <c>--env</c> values.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; }

    /// <summary>The read-only preopen holding the component's <c>files</c> at guest <c>/</c>, if any.</summary>
    public required IReadOnlyList<WasiPreopen> Preopens { get; init; }

    public required IComponentVariables Variables { get; init; }

    public required KeyValueAccess KeyValue { get; init; }

    public required OutboundHttpContext OutboundHttp { get; init; }

    public required RedisContext Redis { get; init; }

    public required IRuntimeLog Log { get; init; }
}
