namespace NomadWasm.Spin.Capabilities.Variables;

/// <summary>
/// A component's view of variables (spec §4.2): <c>Get(name)</c> expands the component variable's
/// template over application variables. Throws <see cref="NomadWasm.Spin.Variables.VariableException"/>
/// whose kind is the guest-visible error.
/// </summary>
internal interface IComponentVariables
{
    string Get(string name);
}
