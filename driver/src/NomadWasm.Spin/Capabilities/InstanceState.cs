using NomadWasm.Spin.Capabilities.Abi;
using NomadWasm.Spin.Capabilities.KeyValue;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Capabilities;

/// <summary>
/// <c>Store.Data</c> of one instance (one request): the component's shared services plus the
/// instance's own WASI context and key-value handle table.
/// </summary>
internal sealed class InstanceState : IWasiHost
{
    private EngineGuestMemory? _memory;

    public InstanceState(ComponentServices services, WasiContext wasi)
    {
        Services = services;
        Wasi = wasi;
    }

    public ComponentServices Services { get; }

    public WasiContext Wasi { get; }

    public KeyValueHandles KeyValueHandles { get; } = new();

    /// <summary>The calling instance's memory and allocator (bound on first use).</summary>
    public IGuestMemory GuestMemory(Caller caller) =>
        _memory ??= EngineGuestMemory.Create(caller.Instance ?? throw new GuestAbiException("host function called without an instance"));

    /// <summary>Binds the memory view eagerly (the executor does this right after instantiation).</summary>
    public IGuestMemory Bind(Instance instance) => _memory ??= EngineGuestMemory.Create(instance);
}
