using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Loading;

/// <summary>Options for <see cref="AppLoader.Load(string, AppLoadOptions?)"/>.</summary>
public sealed record AppLoadOptions
{
    /// <summary>
    /// Variable providers, highest priority first (spec §4.2: <c>--variable</c>, runtime-config providers,
    /// environment). Used to resolve manifest templates Spin evaluates once at startup
    /// (<c>allowed_outbound_hosts</c>; spec §1.9) and for the required-variable check. Null or empty means
    /// "manifest defaults only".
    /// </summary>
    public IReadOnlyList<IVariableProvider>? VariableProviders { get; init; }

    /// <summary>
    /// Whether to fail when a required variable cannot be resolved by any provider (spec §0 step 6). Default true.
    /// </summary>
    public bool CheckRequiredVariables { get; init; } = true;

    /// <summary>
    /// Fetches a remote component source <c>{ url, digest }</c> and returns the absolute path of the verified
    /// local copy. Null means remote sources fail to load with a clear error (no network access is assumed).
    /// </summary>
    public Func<string, string, string>? ResolveRemoteSource { get; init; }
}
