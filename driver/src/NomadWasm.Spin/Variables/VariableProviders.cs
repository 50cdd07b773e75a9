using NomadWasm.Spin.RuntimeConfig;

namespace NomadWasm.Spin.Variables;

/// <summary>
/// Builds the provider chain in Spin 3's order (crates/runtime-factors/src/build.rs; spec §4.2, §9 item 1):
/// (1) <c>--variable</c> values, (2) runtime-config providers in file order, (3) the
/// <c>SPIN_VARIABLE_*</c> environment provider last.
/// </summary>
public static class VariableProviders
{
    /// <summary>Builds the chain.</summary>
    /// <param name="cliVariables">Values from <c>--variable</c> (see <see cref="VariableArguments"/>); may be empty.</param>
    /// <param name="runtimeConfig">The runtime config, or null.</param>
    /// <param name="remoteProviderFactory">
    /// Creates providers for remote stores (Vault, Azure Key Vault); null means such entries are an error.
    /// The scheduler-integration project supplies a Vault implementation.
    /// </param>
    /// <param name="getEnvironment">Environment lookup (a test seam); null for the process environment.</param>
    /// <exception cref="NotSupportedException">A remote provider is configured and no factory can create it.</exception>
    public static IReadOnlyList<IVariableProvider> Build(
        IEnumerable<KeyValuePair<string, string>> cliVariables,
        RuntimeConfigModel? runtimeConfig,
        Func<VariablesProviderConfig, IVariableProvider?>? remoteProviderFactory = null,
        Func<string, string?>? getEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(cliVariables);
        var providers = new List<IVariableProvider> { new StaticVariableProvider(cliVariables) };
        foreach (var config in runtimeConfig?.VariablesProviders ?? [])
        {
            providers.Add(config switch
            {
                StaticVariablesProviderConfig s => new StaticVariableProvider(s.Values),
                EnvVariablesProviderConfig e => new EnvVariableProvider(e.Prefix, e.DotenvPath, getEnvironment),
                _ => remoteProviderFactory?.Invoke(config)
                    ?? throw new NotSupportedException($"variables provider {Describe(config)} is not available in this host"),
            });
        }

        providers.Add(new EnvVariableProvider(getEnvironment: getEnvironment));
        return providers;
    }

    private static string Describe(VariablesProviderConfig config) => config switch
    {
        VaultVariablesProviderConfig v => $"type \"vault\" ({v.Url})",
        AzureKeyVaultVariablesProviderConfig a => $"type \"azure_key_vault\" ({a.VaultUrl})",
        _ => config.GetType().Name,
    };
}
