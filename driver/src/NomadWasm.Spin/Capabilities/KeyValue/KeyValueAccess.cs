namespace NomadWasm.Spin.Capabilities.KeyValue;

/// <summary>What one component may open: its <c>key_value_stores</c> labels over the app's registry.</summary>
internal sealed class KeyValueAccess
{
    private readonly HashSet<string> _allowed;

    public KeyValueAccess(KeyValueRegistry registry, IEnumerable<string> allowedLabels)
    {
        Registry = registry;
        _allowed = new HashSet<string>(allowedLabels, StringComparer.Ordinal);
    }

    public KeyValueRegistry Registry { get; }

    public bool IsAllowed(string label) => _allowed.Contains(label);
}
