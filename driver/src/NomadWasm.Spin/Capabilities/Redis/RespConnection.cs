using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>
/// A minimal synchronous RESP2 client over one TCP connection: commands go out as arrays of bulk
/// strings, replies are parsed into <see cref="RespValue"/>. Not thread-safe; the pool hands a
/// connection to one caller at a time.
/// </summary>
internal sealed class RespConnection : IDisposable
{
    private const int MaxBulkLength = 512 * 1024 * 1024; // Redis' own proto-max-bulk-len default

    private readonly TcpClient _client;
    private readonly BufferedStream _stream;

    private RespConnection(TcpClient client)
    {
        _client = client;
        _stream = new BufferedStream(client.GetStream(), 16 * 1024);
    }

    /// <summary>True once an I/O or protocol error made the connection unusable.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Connects, then authenticates and selects a database when the address asks for it.</summary>
    public static RespConnection Connect(RedisAddress address, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(address);
        var client = new TcpClient { NoDelay = true, ReceiveTimeout = (int)timeout.TotalMilliseconds, SendTimeout = (int)timeout.TotalMilliseconds };
        try
        {
            using (var cts = new CancellationTokenSource(timeout))
            {
                client.ConnectAsync(address.Host, address.Port, cts.Token).AsTask().GetAwaiter().GetResult();
            }

            var connection = new RespConnection(client);
            if (address.Password is not null)
            {
                var auth = address.User is null
                    ? connection.Execute("AUTH", [Encoding.UTF8.GetBytes(address.Password)])
                    : connection.Execute("AUTH", [Encoding.UTF8.GetBytes(address.User), Encoding.UTF8.GetBytes(address.Password)]);
                ThrowIfError(auth, "AUTH");
            }

            if (address.Database != 0)
            {
                ThrowIfError(connection.Execute("SELECT", [Encoding.ASCII.GetBytes(address.Database.ToString(CultureInfo.InvariantCulture))]), "SELECT");
            }

            return connection;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            client.Dispose();
            throw new RedisException($"cannot connect to redis at {address.Host}:{address.Port}: {e.Message}", e);
        }
    }

    /// <summary>Sends one command and reads its reply. Error replies come back as <see cref="RespValue.Error"/>.</summary>
    public RespValue Execute(string command, IReadOnlyList<byte[]> arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            WriteCommand(command, arguments);
            _stream.Flush();
            return ReadValue();
        }
        catch (Exception e) when (e is IOException or SocketException or RedisException or ObjectDisposedException)
        {
            IsBroken = true;
            throw e as RedisException ?? new RedisException($"redis {command} failed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }

    private static void ThrowIfError(RespValue reply, string command)
    {
        if (reply is RespValue.Error error)
        {
            throw new RedisException($"redis {command} failed: {error.Message}");
        }
    }

    private void WriteCommand(string command, IReadOnlyList<byte[]> arguments)
    {
        WriteLine('*', arguments.Count + 1);
        WriteBulk(Encoding.UTF8.GetBytes(command));
        foreach (var argument in arguments)
        {
            WriteBulk(argument);
        }
    }

    private void WriteBulk(byte[] value)
    {
        WriteLine('$', value.Length);
        _stream.Write(value);
        _stream.Write("\r\n"u8);
    }

    private void WriteLine(char prefix, long number)
    {
        Span<byte> buffer = stackalloc byte[24];
        buffer[0] = (byte)prefix;
        number.TryFormat(buffer[1..], out var written, provider: CultureInfo.InvariantCulture);
        buffer[1 + written] = (byte)'\r';
        buffer[2 + written] = (byte)'\n';
        _stream.Write(buffer[..(3 + written)]);
    }

    private RespValue ReadValue()
    {
        var prefix = _stream.ReadByte();
        if (prefix < 0)
        {
            throw new RedisException("redis closed the connection");
        }

        var line = ReadLine();
        switch ((char)prefix)
        {
            case '+':
                return new RespValue.SimpleString(line);
            case '-':
                return new RespValue.Error(line);
            case ':':
                return new RespValue.Integer(ParseInteger(line));
            case '$':
                {
                    var length = ParseInteger(line);
                    if (length < 0)
                    {
                        return RespValue.Nil.Instance;
                    }

                    if (length > MaxBulkLength)
                    {
                        throw new RedisException($"redis bulk reply of {length} bytes is too large");
                    }

                    var data = new byte[length];
                    _stream.ReadExactly(data);
                    Span<byte> crlf = stackalloc byte[2];
                    _stream.ReadExactly(crlf);
                    return new RespValue.BulkString(data);
                }

            case '*':
                {
                    var count = ParseInteger(line);
                    if (count < 0)
                    {
                        return RespValue.Nil.Instance;
                    }

                    var items = new List<RespValue>((int)Math.Min(count, 1024));
                    for (long i = 0; i < count; i++)
                    {
                        items.Add(ReadValue());
                    }

                    return new RespValue.Array(items);
                }

            default:
                throw new RedisException($"unexpected RESP type byte 0x{prefix:x2}");
        }
    }

    private string ReadLine()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        while (true)
        {
            var b = _stream.ReadByte();
            if (b < 0)
            {
                throw new RedisException("redis closed the connection mid-reply");
            }

            if (b == '\r')
            {
                if (_stream.ReadByte() != '\n')
                {
                    throw new RedisException("malformed RESP line ending");
                }

                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }

            buffer.GetSpan(1)[0] = (byte)b;
            buffer.Advance(1);
        }
    }

    private static long ParseInteger(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RedisException($"malformed RESP integer '{text}'");
}
