namespace NomadWasm.Wasm.Runtime;

/// <summary>Engine-wide settings.</summary>
public sealed class EngineConfig
{
    /// <summary>
    /// Compile every wasm function straight to optimised machine code on first call instead of
    /// going through the JIT's quick tier first (slower first call, faster steady state).
    /// </summary>
    public bool OptimizeEagerly { get; init; }

    /// <summary>Most thread stack, in bytes, one host-to-guest call may use before it traps.</summary>
    public int MaxWasmStack { get; init; } = 2 * 1024 * 1024;
}
