using System.Diagnostics;

namespace NomadWasm.Driver.Hosting;

/// <summary>A freshly started host: the host itself, its watcher shell, and the watcher's Process (kept so .NET reaps it).</summary>
internal sealed record LaunchedHost(HostProcess Host, HostProcess Watcher, Process WatcherProcess);
