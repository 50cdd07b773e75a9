namespace NomadWasm.Spin.Variables;

/// <summary>
/// A source of application variable values (spec §4.2). Providers are consulted in order; the
/// first that returns a value wins. Implementations: <c>--variable</c> values (static), runtime-config
/// providers (static, env, later Vault), the <c>SPIN_VARIABLE_*</c> environment.
/// </summary>
public interface IVariableProvider
{
    /// <summary>
    /// Looks a variable up by its application-variable name (lower snake case). Returns false when the
    /// provider does not know it ("try the next provider"); throws <see cref="VariableProviderException"/>
    /// when the lookup itself failed (which aborts resolution, as Spin does for non-404 Vault errors).
    /// </summary>
    bool TryGet(string name, out string value);

    /// <summary>
    /// Whether this provider might resolve <paramref name="name"/> without calling out (spec §4.2 startup
    /// check): static and env providers answer true only if they hold the key; remote stores such as
    /// Vault always answer true.
    /// </summary>
    bool MayResolve(string name);
}
