namespace NomadWasm.Spin.Loading;

/// <summary>The HTTP executor named by <c>executor.type</c> (spec §1.5, §3.0).</summary>
public enum HttpExecutorKind
{
    /// <summary><c>"http"</c> (canonical), alias <c>"spin"</c>, also 3.x <c>"wasip3-unstable"</c>; the default. The component's exports decide the ABI.</summary>
    Http,

    /// <summary><c>"wagi"</c>: CGI over WASI preview 1 (spec §3a).</summary>
    Wagi,
}
