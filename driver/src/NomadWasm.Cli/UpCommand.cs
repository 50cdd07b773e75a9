using System.Runtime.InteropServices;
using NomadWasm.Host;
using NomadWasm.Spin.Http;

namespace NomadWasm.Cli;

/// <summary>
/// <c>nomad-wasm up</c>: serve a Spin app as <c>spin up</c> does, until Ctrl-C or SIGTERM
/// (flags: driver/src/NomadWasm.Host/README.md).
/// </summary>
internal static class UpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        UpOptions? options;
        try
        {
            options = UpOptionsParser.Parse(args);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"nomad-wasm up: {e.Message}\n\n{UpOptionsParser.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (options is null)
        {
            Console.WriteLine(UpOptionsParser.Usage);
            return 0;
        }

        await using var log = new HostLog { LogRequests = !options.Quiet };
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        SpinHost.RunningApp running;
        try
        {
            running = await SpinHost.StartAsync(options, log, Console.Out, stop.Token).ConfigureAwait(false);
        }
        catch (SpinStartupException e)
        {
            await log.DisposeAsync().ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"Error: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: fall through to a clean shutdown.
        }

        log.Info("Shutting down");
        await running.DisposeAsync().ConfigureAwait(false);
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // we exit ourselves after draining
            stop.Cancel();
        }
    }
}
