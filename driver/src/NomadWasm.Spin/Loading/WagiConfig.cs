namespace NomadWasm.Spin.Loading;

/// <summary>Wagi executor settings (spec §1.5, §3a).</summary>
/// <param name="Entrypoint">The exported entry function; always <c>_start</c> (any other value fails to load).</param>
/// <param name="Argv">The argv template; default <c>${SCRIPT_NAME} ${ARGS}</c>.</param>
public sealed record WagiConfig(string Entrypoint, string Argv)
{
    /// <summary>The default entry point.</summary>
    public const string DefaultEntrypoint = "_start";

    /// <summary>The default argv template.</summary>
    public const string DefaultArgv = "${SCRIPT_NAME} ${ARGS}";

    /// <summary>The defaults.</summary>
    public static WagiConfig Default { get; } = new(DefaultEntrypoint, DefaultArgv);
}
