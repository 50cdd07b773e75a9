using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NomadWasm.Driver.Hosting;

/// <summary>Waits until the task's listener accepts TCP connections, or the host dies, or time runs out.</summary>
internal static class Readiness
{
    public enum Result
    {
        Ready,
        HostExited,
        TimedOut,
    }

    public static async Task<Result> WaitAsync(IPEndPoint endpoint, Func<bool> hostAlive, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = ListenAddress.Dialable(endpoint);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var delay = 2;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TryConnectAsync(target, cancellationToken).ConfigureAwait(false))
            {
                return Result.Ready;
            }

            if (!hostAlive())
            {
                return Result.HostExited;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                return Result.TimedOut;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = Math.Min(delay * 2, 50);
        }
    }

    private static async Task<bool> TryConnectAsync(IPEndPoint target, CancellationToken cancellationToken)
    {
        using var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await socket.ConnectAsync(target, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false; // refused: not listening yet
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
