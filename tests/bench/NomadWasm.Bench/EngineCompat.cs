using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Bench;

/// <summary>Compiles wasm bytes: decode (and, once the validator lands, validate) then compile.</summary>
internal static class EngineCompat
{
    public static CompiledModule Compile(Engine engine, byte[] wasm) => engine.Compile(ModuleDecoder.Decode(wasm));
}
