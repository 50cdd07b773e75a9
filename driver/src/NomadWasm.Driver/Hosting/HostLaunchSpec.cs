namespace NomadWasm.Driver.Hosting;

/// <summary>What to run for one task and where its output goes.</summary>
/// <param name="Command">The host command line: the executable first, then its arguments.</param>
/// <param name="Environment">The complete process environment (Nomad's TaskConfig.env).</param>
/// <param name="WorkingDirectory">The task directory.</param>
/// <param name="StdoutPath">Nomad's stdout FIFO, or /dev/null.</param>
/// <param name="StderrPath">Nomad's stderr FIFO, or /dev/null.</param>
/// <param name="StatusPath">Where the watcher writes the host's exit status.</param>
internal sealed record HostLaunchSpec(
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory,
    string StdoutPath,
    string StderrPath,
    string StatusPath);
