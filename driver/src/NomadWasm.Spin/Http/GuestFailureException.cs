namespace NomadWasm.Spin.Http;

/// <summary>A guest ran but failed (non-zero exit, no output, ABI misuse); the request gets 500.</summary>
internal sealed class GuestFailureException : Exception
{
    public GuestFailureException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
