namespace NomadWasm.Plugin.MsgPack;

/// <summary>
/// A cty-msgpack payload that is malformed, or a value that does not have the shape the caller asked for.
/// The message names the path (<c>config.ports[0]</c>) and, for malformed bytes, the byte offset.
/// </summary>
public sealed class CtyDecodeException : Exception
{
    /// <summary>Creates an exception for a value at <paramref name="path"/>.</summary>
    public CtyDecodeException(string path, string message, long offset = -1)
        : base(offset >= 0 ? $"{path} (byte {offset}): {message}" : $"{path}: {message}")
    {
        Path = path;
        Offset = offset;
    }

    /// <summary>Creates an exception with only a message.</summary>
    public CtyDecodeException()
        : this("config", "invalid cty value")
    {
    }

    /// <summary>Creates an exception with only a message.</summary>
    public CtyDecodeException(string message)
        : this("config", message)
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public CtyDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "config";
        Offset = -1;
    }

    /// <summary>Where the offending value sits, rooted at <c>config</c>.</summary>
    public string Path { get; }

    /// <summary>The byte offset in the payload, or -1 when the bytes were fine but the value's shape was not.</summary>
    public long Offset { get; }
}
