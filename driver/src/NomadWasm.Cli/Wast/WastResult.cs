namespace NomadWasm.Cli.Wast;

/// <summary>Counts of one script run. Text-format modules (which need a WAT parser) are skipped and counted as neither.</summary>
internal sealed record WastResult(int Passed, int Failed, int Skipped);
