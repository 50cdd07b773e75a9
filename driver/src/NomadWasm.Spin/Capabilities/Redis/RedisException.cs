namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>A Redis command failed: connection, protocol, or an error reply (<c>-ERR ...</c>).</summary>
internal sealed class RedisException : Exception
{
    public RedisException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
