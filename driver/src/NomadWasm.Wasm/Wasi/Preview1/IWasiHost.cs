namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Implemented by the object stored in <c>Store.Data</c>: WASI host functions reach the calling
/// instance's <see cref="WasiContext"/> through it. A <see cref="WasiContext"/> implements it
/// itself, so <c>Store.Data = wasiContext</c> works when nothing else is needed.
/// </summary>
public interface IWasiHost
{
    /// <summary>The WASI state of the instance making the call.</summary>
    WasiContext Wasi { get; }
}
