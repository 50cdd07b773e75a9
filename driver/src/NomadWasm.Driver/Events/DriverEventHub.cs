using System.Threading.Channels;

namespace NomadWasm.Driver.Events;

/// <summary>
/// Fans task events out to every open TaskEvents stream. Nomad opens one stream per plugin
/// instance and re-opens it if it ends; events published while no stream is open are dropped,
/// as a Go driver's eventer does.
/// </summary>
internal sealed class DriverEventHub
{
    private readonly Lock _lock = new();
    private readonly List<Channel<DriverEvent>> _subscribers = [];

    public void Publish(DriverEvent driverEvent)
    {
        lock (_lock)
        {
            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(driverEvent);
            }
        }
    }

    /// <summary>Subscribes until <paramref name="cancellationToken"/> fires, then unsubscribes.</summary>
    public async IAsyncEnumerable<DriverEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<DriverEvent>(new BoundedChannelOptions(1024)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
