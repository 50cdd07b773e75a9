namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Thrown by <c>proc_exit</c> (witx: "Terminate the process normally. An exit code of 0 indicates
/// successful termination"). Compiled code lets it pass, so the embedder's call to <c>_start</c>
/// ends with it; a command's exit status is <see cref="ExitCode"/>.
/// </summary>
public sealed class WasiExitException : Exception
{
    public WasiExitException(int exitCode)
        : base($"wasi proc_exit({exitCode})")
    {
        ExitCode = exitCode;
    }

    public WasiExitException()
        : this(0)
    {
    }

    public WasiExitException(string message)
        : base(message)
    {
    }

    public WasiExitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The guest's exit code (proc_exit's <c>rval</c>).</summary>
    public int ExitCode { get; }
}
