namespace NomadWasm.Cli;

/// <summary>Dispatches the first argument to a subcommand. Each subcommand parses its own options.</summary>
internal static class CommandLine
{
    private const string Usage = """
        usage: nomad-wasm <command> [options]

        commands:
          up       serve a Spin app locally, as `spin up` does
          run      run a WASI command module, as `wasmtime run` does
          wast     run a wast2json script against the engine
          plugin   serve Nomad's driver plugin protocol (what Nomad runs)
          version  print the version
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            if (PluginCommand.LaunchedByNomad())
            {
                return await PluginCommand.RunAsync(args).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "up":
                return await UpCommand.RunAsync(rest).ConfigureAwait(false);
            case "run":
                return RunCommand.Run(rest);
            case "wast":
                return WastCommand.Run(rest);
            case "plugin":
                return await PluginCommand.RunAsync(rest).ConfigureAwait(false);
            case "version" or "--version":
                Console.WriteLine(typeof(CommandLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return 0;
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"nomad-wasm: unknown command '{args[0]}'\n\n{Usage}").ConfigureAwait(false);
                return 2;
        }
    }
}
