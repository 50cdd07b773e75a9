using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Wasm.Tests.Support;

/// <summary>Bytes to a compiled module the way an embedder does it: decode, validate, compile.</summary>
internal static class ModuleLoader
{
    public static CompiledModule Compile(Engine engine, byte[] wasm)
    {
        var module = ModuleDecoder.Decode(wasm);
        ModuleValidator.Validate(module);
        return engine.Compile(module);
    }
}
