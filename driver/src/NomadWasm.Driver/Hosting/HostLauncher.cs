using System.Diagnostics;
using System.Globalization;

namespace NomadWasm.Driver.Hosting;

/// <summary>
/// Starts a task's host outside the plugin: <c>setsid sh -c WATCHER</c> puts a tiny POSIX-shell
/// watcher in its own session (so neither the plugin's death nor a Ctrl-C to the agent's process
/// group reaches it); the watcher runs the host as a foreground child with stdout/stderr on
/// Nomad's FIFOs and, when the host ends, writes its exit status to a file. That file is how a
/// plugin that restarted (and so is no longer the parent) still learns the exit code.
/// </summary>
/// <remarks>
/// The host is run in the foreground, not with <c>&amp;</c>: a non-interactive shell starts
/// background jobs with SIGINT/SIGQUIT ignored, and a job's <c>kill_signal = "SIGINT"</c> must work.
/// </remarks>
internal static class HostLauncher
{
    // $1 status file, $2 stdout path, $3 stderr path, then the host command line.
    // Prints its own pid first; the host is its only child. A signal death shows up as 128+N.
    private const string WatcherScript = """
        status=$1; out=$2; err=$3; shift 3
        echo $$
        exec >/dev/null
        "$@" </dev/null >"$out" 2>"$err"
        code=$?
        echo "$code" >"$status.tmp" && mv -f "$status.tmp" "$status"
        exit "$code"
        """;

    private static readonly TimeSpan s_childDiscovery = TimeSpan.FromSeconds(5);

    /// <summary>Starts the watcher and the host; returns once the host's pid is known.</summary>
    /// <exception cref="HostLaunchException">The watcher could not be started or never forked the host.</exception>
    public static async Task<LaunchedHost> LaunchAsync(HostLaunchSpec spec, CancellationToken cancellationToken)
    {
        var setsid = FindTool("setsid");
        var shell = File.Exists("/bin/sh") ? "/bin/sh" : FindTool("sh");
        var start = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            RedirectStandardInput = false,
            WorkingDirectory = spec.WorkingDirectory,
        };
        start.ArgumentList.Add(shell);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(WatcherScript);
        start.ArgumentList.Add("nomad-wasm-watcher");
        start.ArgumentList.Add(spec.StatusPath);
        start.ArgumentList.Add(spec.StdoutPath);
        start.ArgumentList.Add(spec.StderrPath);
        foreach (var part in spec.Command)
        {
            start.ArgumentList.Add(part);
        }

        start.Environment.Clear();
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }

        if (!start.Environment.ContainsKey("PATH"))
        {
            start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new HostLaunchException($"could not start {setsid}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HostLaunchException($"could not start {setsid} {shell}: {e.Message}", e);
        }

        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var watcherPid))
            {
                throw new HostLaunchException($"the watcher shell did not report its pid (got \"{line}\")");
            }

            var watcher = HostProcess.Adopt(watcherPid)
                ?? throw new HostLaunchException($"the watcher shell (pid {watcherPid}) exited at once");
            var host = await DiscoverChildAsync(watcher, spec.StatusPath, cancellationToken).ConfigureAwait(false);
            return new LaunchedHost(host, watcher, process);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    // The watcher forks the host right after printing its pid; find that child through
    // /proc/<pid>/task/<pid>/children (CONFIG_PROC_CHILDREN), else by scanning /proc for ppid.
    private static async Task<HostProcess> DiscoverChildAsync(HostProcess watcher, string statusPath, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(s_childDiscovery.TotalSeconds * Stopwatch.Frequency);
        var delay = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var child = FindChild(watcher.Pid);
            if (child is { } pid && HostProcess.Adopt(pid) is { } host)
            {
                return host;
            }

            if (File.Exists(statusPath) || !watcher.IsAlive())
            {
                throw new HostLaunchException("the host exited before its pid could be read; check stdout_path and stderr_path are writable");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new HostLaunchException($"the watcher shell (pid {watcher.Pid}) did not start the host within {s_childDiscovery.TotalSeconds} s");
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = Math.Min(delay * 2, 20);
        }
    }

    private static int? FindChild(int parent)
    {
        var p = parent.ToString(CultureInfo.InvariantCulture);
        try
        {
            var children = File.ReadAllText($"/proc/{p}/task/{p}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (children.Length > 0 && int.TryParse(children[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }

            return null;
        }
        catch (IOException)
        {
            // Kernel without CONFIG_PROC_CHILDREN: fall through to the scan.
        }
        catch (UnauthorizedAccessException)
        {
            // Same fallback.
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcStat.Read(pid) is { } stat && stat.ParentPid == parent)
            {
                return pid;
            }
        }

        return null;
    }

    private static string FindTool(string name)
    {
        foreach (var dir in new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new HostLaunchException($"'{name}' was not found in /usr/bin, /bin, /usr/sbin, /sbin or /usr/local/bin (util-linux and a POSIX sh are required)");
    }
}
