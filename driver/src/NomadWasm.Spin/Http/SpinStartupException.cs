namespace NomadWasm.Spin.Http;

/// <summary>The app cannot start: a component fails to load, compile or link, or a check fails. The message names the item.</summary>
internal sealed class SpinStartupException : Exception
{
    public SpinStartupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
