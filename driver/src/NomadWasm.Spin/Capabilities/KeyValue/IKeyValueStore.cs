namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>One key-value store (a label's backend), shared by all instances; thread-safe.</summary>
internal interface IKeyValueStore
{
    /// <summary>The value, or null when the key is absent.</summary>
    byte[]? Get(string key);

    /// <summary>Inserts or replaces.</summary>
    void Set(string key, ReadOnlySpan<byte> value);

    /// <summary>Removes the key; no error when it is absent.</summary>
    void Delete(string key);

    bool Exists(string key);

    IReadOnlyList<string> GetKeys();
}
