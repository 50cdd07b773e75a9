using NomadWasm.Spin.Loading;

namespace NomadWasm.Spin.Variables;

/// <summary>
/// Resolves application variables and component variables (spec §4.2): providers in order, first value
/// wins (<c>--variable</c> → runtime-config providers in file order → environment), then the manifest
/// <c>default</c>. Component variables are templates over application variables, expanded on each get.
/// Thread-safe if the providers are.
/// </summary>
public sealed class VariableResolver
{
    private readonly IReadOnlyDictionary<string, VariableDefinition> _variables;
    private readonly IReadOnlyList<IVariableProvider> _providers;

    /// <summary>Creates a resolver over the app's <c>[variables]</c> and the providers, highest priority first.</summary>
    public VariableResolver(IReadOnlyDictionary<string, VariableDefinition> variables, IReadOnlyList<IVariableProvider> providers)
    {
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
        _providers = providers ?? throw new ArgumentNullException(nameof(providers));
    }

    /// <summary>Creates a resolver for <paramref name="app"/>.</summary>
    public VariableResolver(LoadedApp app, IReadOnlyList<IVariableProvider> providers)
        : this((app ?? throw new ArgumentNullException(nameof(app))).Variables, providers)
    {
    }

    /// <summary>The providers, highest priority first.</summary>
    public IReadOnlyList<IVariableProvider> Providers => _providers;

    /// <summary>
    /// Startup check: every required variable must be resolvable by some provider (static/env providers
    /// only if they hold the key; remote stores always "may"). Throws <see cref="VariableException"/>
    /// naming every unresolvable variable.
    /// </summary>
    public void ValidateRequired()
    {
        var missing = _variables
            .Where(v => v.Value.Required && !_providers.Any(p => p.MayResolve(v.Key)))
            .Select(v => v.Key)
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", missing.Select(m => $"\"{m}\""));
        var example = missing[0];
        throw new VariableException(
            VariableErrorKind.Provider,
            $"required application variable{(missing.Count > 1 ? "s" : "")} {list} {(missing.Count > 1 ? "have" : "has")} no value: " +
            $"set {(missing.Count > 1 ? "them" : "it")} with `--variable {example}=VALUE`, the environment variable {EnvVariableProvider.DefaultPrefix}_{example.ToUpperInvariant()}, or a runtime-config variables provider");
    }

    /// <summary>Resolves one application variable.</summary>
    /// <exception cref="VariableException">Undeclared (<see cref="VariableErrorKind.Undefined"/>), or no value / provider failure (<see cref="VariableErrorKind.Provider"/>).</exception>
    public string ResolveVariable(string name)
    {
        if (!_variables.TryGetValue(name, out var definition))
        {
            throw new VariableException(VariableErrorKind.Undefined, $"no application variable named \"{name}\"");
        }

        foreach (var provider in _providers)
        {
            try
            {
                if (provider.TryGet(name, out var value))
                {
                    return value;
                }
            }
            catch (VariableProviderException ex)
            {
                throw new VariableException(VariableErrorKind.Provider, $"variable \"{name}\": {ex.Message}", ex);
            }
        }

        return definition.Default ?? throw new VariableException(VariableErrorKind.Provider, $"no provider resolved required variable \"{name}\"");
    }

    /// <summary>Expands a template over application variables.</summary>
    public string ResolveTemplate(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Render(ResolveVariable);
    }

    /// <summary>
    /// The guest's <c>variables.get(name)</c>: validates the name, looks it up among the component's
    /// variables and expands its template.
    /// </summary>
    /// <exception cref="VariableException">InvalidName, Undefined, or Provider.</exception>
    public string GetComponentVariable(LoadedComponent component, string name)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(name);
        if (VariableNames.Validate(name) is { } reason)
        {
            throw new VariableException(VariableErrorKind.InvalidName, $"invalid variable name \"{name}\": {reason}");
        }

        if (!component.Variables.TryGetValue(name, out var text))
        {
            throw new VariableException(VariableErrorKind.Undefined, $"no variable for \"{component.Id}\".\"{name}\"");
        }

        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new VariableException(VariableErrorKind.Other, ex.Message, ex);
        }

        return ResolveTemplate(template);
    }
}
