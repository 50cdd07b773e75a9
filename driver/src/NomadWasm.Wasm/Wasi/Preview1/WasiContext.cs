using NomadWasm.Wasm.Wasi.Preview1.Descriptors;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Per-instance WASI state: the fd table (stdio, preopens, opened files), args and environment.
/// Creating one performs no I/O (no directory scans, no opens): preopens are remembered by path
/// and only touched when the guest uses them. Dispose it to close the host files the guest left
/// open.
/// </summary>
public sealed class WasiContext : IWasiHost, IDisposable
{
    public WasiContext(WasiConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Fds = new FdTable(3 + configuration.Preopens.Count);
        Fds.Set(0, new StreamDescriptor(configuration.Stdin, isInput: true, configuration.StdioIsTerminal));
        Fds.Set(1, new StreamDescriptor(configuration.Stdout, isInput: false, configuration.StdioIsTerminal));
        Fds.Set(2, new StreamDescriptor(configuration.Stderr, isInput: false, configuration.StdioIsTerminal));
        var roots = configuration.Roots;
        for (var i = 0; i < roots.Length; i++)
        {
            Fds.Set(3 + i, new DirectoryDescriptor(roots[i], [], configuration.Preopens[i].GuestPath, Rights.Directory, Rights.All));
        }
    }

    /// <summary>The configuration this context was created from.</summary>
    public WasiConfiguration Configuration { get; }

    /// <summary>
    /// Cancels a blocking poll_oneoff sleep (e.g. when the host interrupts the store), so the
    /// guest returns to compiled code and observes the interruption there.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>The exit code once the guest called proc_exit, else null.</summary>
    public int? ExitCode { get; internal set; }

    WasiContext IWasiHost.Wasi => this;

    internal FdTable Fds { get; }

    /// <summary>Closes every host file the guest still has open.</summary>
    public void Dispose() => Fds.Dispose();
}
