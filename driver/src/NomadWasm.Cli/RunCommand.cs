using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Runtime.Traps;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Cli;

/// <summary>
/// <c>nomad-wasm run [--dir HOST[::GUEST]]... [--env K[=V]]... app.wasm [args...]</c>: runs a
/// WASI preview-1 command the way <c>wasmtime run</c> does. argv[0] is the module's file name;
/// stdio is inherited; the exit status is the guest's exit code. A trap prints the trap and the
/// function to stderr and exits 134 (wasmtime: 128 + SIGABRT on Unix); an exit code of 126 or
/// more is refused as wasmtime's proc_exit does ("exit with invalid exit status outside of
/// [0..126)", status 1).
/// </summary>
internal static class RunCommand
{
    private const string Usage = """
        usage: nomad-wasm run [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] app.wasm [args...]

          --dir HOST::GUEST  preopen host directory HOST as GUEST (read-write)
          --dir HOST         preopen HOST under the same name
          --env NAME=VALUE   set an environment variable for the guest
          --env NAME         pass the host's value of NAME
        """;

    /// <summary>wasmtime's exit status for a trap on Unix (128 + SIGABRT).</summary>
    internal const int TrapExitCode = 134;

    public static int Run(string[] args) =>
        Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.OpenStandardError(), Console.Error);

    /// <summary>The command with its stdio given explicitly (internal for testing).</summary>
    internal static int Run(string[] args, Stream stdin, Stream stdout, Stream stderr, TextWriter diagnostics)
    {
        var preopens = new List<WasiPreopen>();
        var env = new List<KeyValuePair<string, string>>();
        var i = 0;
        for (; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }

            if (!arg.StartsWith('-') || arg == "-")
            {
                break;
            }

            if (arg is "-h" or "--help")
            {
                diagnostics.WriteLine(Usage);
                return 0;
            }

            if (!TrySplitOption(arg, args, ref i, out var name, out var value))
            {
                diagnostics.WriteLine($"nomad-wasm run: option '{arg}' needs a value\n\n{Usage}");
                return 2;
            }

            switch (name)
            {
                case "--dir":
                    var separator = value.IndexOf("::", StringComparison.Ordinal);
                    var host = separator < 0 ? value : value[..separator];
                    var guest = separator < 0 ? value : value[(separator + 2)..];
                    if (host.Length == 0 || guest.Length == 0)
                    {
                        diagnostics.WriteLine($"nomad-wasm run: --dir '{value}': expected HOST or HOST::GUEST");
                        return 2;
                    }

                    preopens.Add(new WasiPreopen(host, guest));
                    break;
                case "--env":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    if (eq == 0)
                    {
                        diagnostics.WriteLine($"nomad-wasm run: --env '{value}': empty variable name");
                        return 2;
                    }

                    env.Add(eq < 0
                        ? KeyValuePair.Create(value, Environment.GetEnvironmentVariable(value) ?? string.Empty)
                        : KeyValuePair.Create(value[..eq], value[(eq + 1)..]));
                    break;
                default:
                    diagnostics.WriteLine($"nomad-wasm run: unknown option '{arg}'\n\n{Usage}");
                    return 2;
            }
        }

        if (i >= args.Length)
        {
            diagnostics.WriteLine($"nomad-wasm run: no module given\n\n{Usage}");
            return 2;
        }

        var modulePath = args[i];
        var configuration = new WasiConfiguration
        {
            Arguments = [Path.GetFileName(modulePath), .. args[(i + 1)..]],
            Environment = env,
            Stdin = stdin,
            Stdout = stdout,
            Stderr = stderr,
            StdioIsTerminal = !Console.IsOutputRedirected,
            Preopens = preopens,
        };
        return Execute(modulePath, configuration, diagnostics);
    }

    private static int Execute(string modulePath, WasiConfiguration configuration, TextWriter diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(modulePath);
            configuration.Validate();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            diagnostics.WriteLine($"Error: {e.Message}");
            return 1;
        }

        var engine = new Engine();
        InstancePre pre;
        try
        {
            pre = WasiPreview1.AddTo(new Linker(engine)).Prepare(engine.Compile(bytes));
        }
        catch (Exception e) when (e is MalformedModuleException or LinkException or InvalidOperationException or NotSupportedException)
        {
            // Converted at the CLI boundary: a bad module is a message and status 1, not a crash.
            diagnostics.WriteLine($"Error: failed to load module `{modulePath}`: {e.Message}");
            return 1;
        }

        using var context = new WasiContext(configuration);
        using var store = new Store(engine) { Data = context };
        try
        {
            var code = WasiCommand.Run(pre.Instantiate(store));
            if (code is < 0 or >= 126)
            {
                diagnostics.WriteLine("Error: exit with invalid exit status outside of [0..126)");
                return 1;
            }

            return code;
        }
        catch (TrapException trap)
        {
            diagnostics.WriteLine($"Error: failed to run main module `{modulePath}`");
            diagnostics.WriteLine();
            diagnostics.WriteLine("Caused by:");
            diagnostics.WriteLine($"    0: error while executing at wasm function {trap.FunctionName ?? "<unknown>"}");
            diagnostics.WriteLine($"    1: wasm trap: {trap.Kind.Message()}");
            return TrapExitCode;
        }
        catch (InvalidOperationException e)
        {
            diagnostics.WriteLine($"Error: failed to run main module `{modulePath}`: {e.Message}");
            return 1;
        }
        finally
        {
            configuration.Stdout?.Flush();
            configuration.Stderr?.Flush();
        }
    }

    // "--dir X", "--dir=X".
    private static bool TrySplitOption(string arg, string[] args, ref int i, out string name, out string value)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0 && arg.StartsWith("--", StringComparison.Ordinal) && arg[..eq] is "--dir" or "--env")
        {
            name = arg[..eq];
            value = arg[(eq + 1)..];
            return true;
        }

        name = arg;
        if (i + 1 >= args.Length)
        {
            value = string.Empty;
            return false;
        }

        value = args[++i];
        return true;
    }
}
