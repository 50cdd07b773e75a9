namespace NomadWasm.Spin.Http;

/// <summary>A component's wasm cannot be run by this runtime; raised at startup.</summary>
internal sealed class UnsupportedModuleException : Exception
{
    public UnsupportedModuleException(string componentId, string reason)
        : base($"component `{componentId}`: {reason}")
    {
        ComponentId = componentId;
    }

    public string ComponentId { get; }
}
