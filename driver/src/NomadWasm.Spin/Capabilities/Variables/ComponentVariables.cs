using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Capabilities.Variables;

/// <summary>One component's variables over the app's <see cref="VariableResolver"/> (providers + defaults).</summary>
internal sealed class ComponentVariables : IComponentVariables
{
    private readonly VariableResolver _resolver;
    private readonly LoadedComponent _component;

    public ComponentVariables(VariableResolver resolver, LoadedComponent component)
    {
        _resolver = resolver;
        _component = component;
    }

    public string Get(string name) => _resolver.GetComponentVariable(_component, name);
}
