namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>A RESP2 reply (https://redis.io/docs/latest/develop/reference/protocol-spec/).</summary>
internal abstract record RespValue
{
    private RespValue()
    {
    }

    /// <summary><c>+OK\r\n</c>.</summary>
    public sealed record SimpleString(string Value) : RespValue;

    /// <summary><c>-ERR message\r\n</c>.</summary>
    public sealed record Error(string Message) : RespValue;

    /// <summary><c>:42\r\n</c>.</summary>
    public sealed record Integer(long Value) : RespValue;

    /// <summary><c>$3\r\nabc\r\n</c>; <c>$-1</c> is <see cref="Nil"/>.</summary>
    public sealed record BulkString(byte[] Value) : RespValue;

    /// <summary><c>*2\r\n...</c>; <c>*-1</c> is <see cref="Nil"/>.</summary>
    public sealed record Array(IReadOnlyList<RespValue> Items) : RespValue;

    /// <summary>The null bulk string or null array.</summary>
    public sealed record Nil : RespValue
    {
        public static Nil Instance { get; } = new();
    }
}
