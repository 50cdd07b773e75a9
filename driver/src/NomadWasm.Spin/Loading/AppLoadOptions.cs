using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Loading;

/// <summary>Options for <see cref="AppLoader.Load(string, AppLoadOptions?)"/>.</summary>
public sealed record AppLoadOptions
{
    /// <summary>
    /// Resolves application variables used by manifest templates that Spin evaluates once at
    /// startup (<c>allowed_outbound_hosts</c>, redis <c>address</c>/<c>channel</c>; spec §1.9).
    /// Null means "defaults only": a template over a variable without a default fails to load.
    /// </summary>
    public IReadOnlyList<IVariableProvider>? VariableProviders { get; init; }
}
