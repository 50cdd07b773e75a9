namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>
/// One instance's open stores (u32 handles). Spin allows at most 256 open stores per instance
/// (<c>store-table-full</c>, spec §4.1). Handles start at 1 and are never reused within an instance.
/// </summary>
internal sealed class KeyValueHandles
{
    public const int MaxOpenStores = 256;

    // Created on first open: most requests never touch key-value.
    private Dictionary<uint, IKeyValueStore>? _open;
    private uint _next = 1;

    /// <summary>Registers a store; returns 0 when the table is full.</summary>
    public uint Add(IKeyValueStore store)
    {
        _open ??= [];
        if (_open.Count >= MaxOpenStores)
        {
            return 0;
        }

        var handle = _next++;
        _open[handle] = store;
        return handle;
    }

    public IKeyValueStore? Find(uint handle) => _open?.GetValueOrDefault(handle);

    public void Close(uint handle) => _open?.Remove(handle);
}
