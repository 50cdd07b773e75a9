using System.Collections.Concurrent;

namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>
/// Idle Redis connections per server, shared by every instance of the app; bounded per server.
/// A connection that failed is dropped instead of being returned.
/// </summary>
internal sealed class RedisConnectionPool : IDisposable
{
    private const int MaxIdlePerServer = 16;

    private readonly ConcurrentDictionary<string, ConcurrentBag<RespConnection>> _idle = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;

    public RedisConnectionPool(TimeSpan? timeout = null) => _timeout = timeout ?? TimeSpan.FromSeconds(10);

    /// <summary>Runs one command on a pooled connection (connecting when none is idle).</summary>
    public RespValue Execute(RedisAddress address, string command, IReadOnlyList<byte[]> arguments)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bag = _idle.GetOrAdd(address.Key, static _ => []);
        if (!bag.TryTake(out var connection))
        {
            connection = RespConnection.Connect(address, _timeout);
        }

        try
        {
            return connection.Execute(command, arguments);
        }
        finally
        {
            if (connection.IsBroken || bag.Count >= MaxIdlePerServer)
            {
                connection.Dispose();
            }
            else
            {
                bag.Add(connection);
            }
        }
    }

    public void Dispose()
    {
        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var connection))
            {
                connection.Dispose();
            }
        }
    }
}
