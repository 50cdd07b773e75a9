namespace NomadWasm.Spin.Variables;

/// <summary>
/// Fixed values: <c>--variable k=v</c> on the command line, or a runtime-config
/// <c>[[variables_provider]] type = "static"</c> with <c>values = { ... }</c> (spec §4.2).
/// </summary>
public sealed class StaticVariableProvider : IVariableProvider
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Creates the provider.</summary>
    public StaticVariableProvider(IEnumerable<KeyValuePair<string, string>> values) =>
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);

    /// <summary>The values held.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <inheritdoc/>
    public bool TryGet(string name, out string value) => _values.TryGetValue(name, out value!);

    /// <inheritdoc/>
    public bool MayResolve(string name) => _values.ContainsKey(name);
}
