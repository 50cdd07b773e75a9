using System.Diagnostics;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// Nomad's logmon for one task (nomad-plugin-protocol.md §10): creates the stdout/stderr FIFOs
/// under alloc/logs before StartTask, reads them, and saves what arrives to
/// <c>&lt;task&gt;.stdout.0</c>/<c>.stderr.0</c> as logmon's rotator does.
/// </summary>
internal sealed class FakeLogmon : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public FakeLogmon(string allocDir, string taskName)
    {
        LogsDir = Path.Combine(allocDir, "alloc", "logs");
        Directory.CreateDirectory(LogsDir);
        StdoutFifo = Path.Combine(LogsDir, $".{taskName}.stdout.fifo");
        StderrFifo = Path.Combine(LogsDir, $".{taskName}.stderr.fifo");
        StdoutFile = Path.Combine(LogsDir, $"{taskName}.stdout.0");
        StderrFile = Path.Combine(LogsDir, $"{taskName}.stderr.0");
        MakeFifo(StdoutFifo);
        MakeFifo(StderrFifo);
        _ = CopyLoopAsync(StdoutFifo, StdoutFile, _stop.Token);
        _ = CopyLoopAsync(StderrFifo, StderrFile, _stop.Token);
    }

    public string LogsDir { get; }

    public string StdoutFifo { get; }

    public string StderrFifo { get; }

    public string StdoutFile { get; }

    public string StderrFile { get; }

    public void Dispose()
    {
        _stop.Cancel();
        Unblock(StdoutFifo);
        Unblock(StderrFifo);
        _stop.Dispose();
    }

    // The copy threads hold the FIFOs open read-write, so this open never blocks; the byte wakes their read.
    private static void Unblock(string fifo)
    {
        try
        {
            using var poke = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            poke.WriteByte((byte)'\n');
        }
        catch (IOException)
        {
            // Gone already.
        }
    }

    private static void MakeFifo(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", ["-m", "600", path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new IOException($"mkfifo {path} failed");
        }
    }

    // Opened read-write: the open does not wait for a writer and EOF never comes between task
    // restarts, as logmon keeps reading across them. A dedicated thread does blocking reads.
    private static Task CopyLoopAsync(string fifo, string file, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                var buffer = new byte[8192];
                using var reader = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
                using var writer = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                int n;
                while (!cancellationToken.IsCancellationRequested && (n = reader.Read(buffer)) > 0)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    writer.Write(buffer, 0, n);
                    writer.Flush();
                }
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
