namespace NomadWasm.Driver.Config;

/// <summary>A plugin or task config value is missing or wrong; the message names the attribute.</summary>
internal sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ConfigException()
    {
    }
}
