namespace NomadWasm.Host;

/// <summary>Everything <c>nomad-wasm up</c> accepts (README.md documents the flags).</summary>
internal sealed record UpOptions
{
    /// <summary><c>-f/--from</c>: a spin.toml or a directory holding one; default <c>spin.toml</c> in the current directory.</summary>
    public string From { get; init; } = "spin.toml";

    /// <summary><c>--listen</c>.</summary>
    public string Listen { get; init; } = ListenAddress.Default;

    /// <summary><c>-e/--env K=V</c>, appended to every component's environment.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>
    /// <c>--variable</c> arguments as given (<c>name=value</c>, <c>name=@file</c>, <c>@file.json</c>, <c>@file.toml</c>):
    /// the highest-priority variable provider.
    /// </summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary><c>--runtime-config-file</c>, or null.</summary>
    public string? RuntimeConfigFile { get; init; }

    /// <summary><c>--state-dir</c>: null = <c>&lt;app dir&gt;/.spin</c>; empty = no state dir (in-memory key-value).</summary>
    public string? StateDir { get; init; }

    /// <summary><c>--request-timeout</c>: guest deadline per request; null = none (Spin's default, spec §2.8).</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary><c>--memory-limit-mb</c>: linear memory cap per instance; null = the engine's default.</summary>
    public int? MemoryLimitMb { get; init; }

    /// <summary><c>-q/--quiet</c>: no per-request log lines.</summary>
    public bool Quiet { get; init; }
}
