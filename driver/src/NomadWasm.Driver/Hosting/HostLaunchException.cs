namespace NomadWasm.Driver.Hosting;

/// <summary>The host process could not be started.</summary>
internal sealed class HostLaunchException : Exception
{
    public HostLaunchException(string message)
        : base(message)
    {
    }

    public HostLaunchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
