namespace NomadWasm.Spin.Loading;

/// <summary>An application variable from <c>[variables]</c> (spec §1.4).</summary>
/// <param name="Default">The default value, or null when the variable is required.</param>
/// <param name="Required">True when the variable has no default and must come from a provider.</param>
/// <param name="Secret">True when the value must not be logged.</param>
public sealed record VariableDefinition(string? Default, bool Required, bool Secret)
{
    /// <summary>The variable's description, or null.</summary>
    public string? Description { get; init; }
}
