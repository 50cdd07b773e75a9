namespace NomadWasm.Spin.Http;

/// <summary>How a component's wasm is run by the HTTP trigger.</summary>
internal enum ModuleKind
{
    /// <summary>A core module with the Spin 1.x (old wit-bindgen 0.2) <c>handle-http-request</c> export (spec §3b).</summary>
    SpinInboundHttp,

    /// <summary>A WASI preview-1 command module (<c>_start</c>) run by the Wagi executor (spec §3a).</summary>
    WagiCommand,
}
