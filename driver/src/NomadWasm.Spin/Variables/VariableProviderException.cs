namespace NomadWasm.Spin.Variables;

/// <summary>A variable provider failed (as opposed to not knowing the variable).</summary>
public sealed class VariableProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VariableProviderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
