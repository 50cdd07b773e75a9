namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>
/// The key-value stores an app can use, by label (spec §4.1, §5.1): <c>default</c> is always defined
/// (<c>&lt;state_dir&gt;/sqlite_key_value.db</c>, or in memory without a state dir); other labels come
/// from runtime config <c>[key_value_store.&lt;label&gt;]</c>. Stores open lazily on first use.
/// </summary>
internal sealed class KeyValueRegistry : IDisposable
{
    public const string DefaultLabel = "default";
    public const string DefaultFileName = "sqlite_key_value.db";

    private readonly Dictionary<string, Lazy<IKeyValueStore>> _stores = new(StringComparer.Ordinal);

    /// <param name="stateDirectory">The app's state dir, or null for in-memory default storage.</param>
    /// <param name="configuredFiles">Runtime-config labels (type <c>spin</c>) → SQLite file paths (absolute; empty = in memory).</param>
    public KeyValueRegistry(string? stateDirectory, IReadOnlyDictionary<string, string>? configuredFiles = null)
    {
        if (configuredFiles is not null)
        {
            foreach (var (label, path) in configuredFiles)
            {
                var file = path;
                var name = label;
                _stores[label] = file.Length == 0
                    ? new Lazy<IKeyValueStore>(() => SqliteKeyValueStore.OpenInMemory(name))
                    : new Lazy<IKeyValueStore>(() => SqliteKeyValueStore.OpenFile(file, name));
            }
        }

        if (!_stores.ContainsKey(DefaultLabel))
        {
            _stores[DefaultLabel] = string.IsNullOrEmpty(stateDirectory)
                ? new Lazy<IKeyValueStore>(() => SqliteKeyValueStore.OpenInMemory(DefaultLabel))
                : new Lazy<IKeyValueStore>(() => SqliteKeyValueStore.OpenFile(Path.Combine(stateDirectory, DefaultFileName), DefaultLabel));
        }
    }

    /// <summary>True when <paramref name="label"/> has a backend.</summary>
    public bool IsDefined(string label) => _stores.ContainsKey(label);

    /// <summary>The store for <paramref name="label"/>, or null when it is not defined.</summary>
    public IKeyValueStore? Find(string label) => _stores.TryGetValue(label, out var store) ? store.Value : null;

    public void Dispose()
    {
        foreach (var store in _stores.Values)
        {
            if (store.IsValueCreated && store.Value is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
