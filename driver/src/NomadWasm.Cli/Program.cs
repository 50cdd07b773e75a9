using NomadWasm.Cli;

// nomad-wasm: one executable for every role. Nomad launches it with no arguments and its magic
// cookie in the environment (plugin mode); people run its subcommands.
return await CommandLine.RunAsync(args).ConfigureAwait(false);
