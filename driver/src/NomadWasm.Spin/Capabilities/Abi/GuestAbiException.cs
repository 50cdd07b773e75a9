namespace NomadWasm.Spin.Capabilities.Abi;

/// <summary>A guest broke the canonical ABI contract (bad UTF-8, missing allocator export, bad pointer).</summary>
internal sealed class GuestAbiException : Exception
{
    public GuestAbiException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
