using System.Globalization;
using System.Net;
using NomadWasm.Driver.Config;

namespace NomadWasm.Driver.Hosting;

/// <summary>Builds the <c>nomad-wasm up ...</c> command line for one task.</summary>
internal static class HostCommand
{
    /// <summary>
    /// The executable (and, under <c>dotnet nomad-wasm.dll</c>, the dll) that runs <c>up</c>:
    /// the agent config's <c>host_path</c>, else this plugin's own executable.
    /// </summary>
    public static IReadOnlyList<string> HostPrefix(string configuredHostPath)
    {
        if (!string.IsNullOrEmpty(configuredHostPath))
        {
            return [configuredHostPath];
        }

        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the plugin's own executable path is unknown; set host_path in the plugin config");
        var name = Path.GetFileNameWithoutExtension(process);
        if (string.Equals(name, "dotnet", StringComparison.Ordinal))
        {
            // Running as `dotnet nomad-wasm.dll`: the entry assembly is the CLI.
            var dll = Environment.GetCommandLineArgs()[0];
            return [process, Path.GetFullPath(dll)];
        }

        return [process];
    }

    public static IReadOnlyList<string> Build(
        IReadOnlyList<string> prefix,
        string appPath,
        IPEndPoint listen,
        string stateDirectory,
        int memoryLimitMb,
        SpinTaskConfig config)
    {
        var args = new List<string>(prefix)
        {
            "up",
            "-f", appPath,
            "--listen", ListenAddress.Format(listen),
            "--state-dir", stateDirectory,
        };
        if (!string.IsNullOrEmpty(config.RequestTimeout))
        {
            args.Add("--request-timeout");
            args.Add(config.RequestTimeout);
        }

        if (memoryLimitMb > 0)
        {
            args.Add("--memory-limit-mb");
            args.Add(memoryLimitMb.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (key, value) in config.Environment.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            args.Add("--env");
            args.Add($"{key}={value}");
        }

        foreach (var (key, value) in config.Variables.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            args.Add("--variable");
            args.Add($"{key}={value}");
        }

        return args;
    }
}
