using NomadWasm.Wasm.Compilation;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Validation;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Compiles modules and owns what compiled code shares: canonical type ids and the trampolines
/// between <see cref="Value"/> spans and typed calls. One per process is enough; thread-safe.
/// </summary>
public sealed class Engine
{
    public Engine(EngineConfig? config = null)
    {
        Config = config ?? new EngineConfig();
        Trampolines = new TrampolineFactory(this);
    }

    public EngineConfig Config { get; }

    internal TypeRegistry Types { get; } = new();

    internal TrampolineFactory Trampolines { get; }

    internal MemoryPool MemoryPool { get; } = new();

    /// <summary>Decodes, validates and compiles a binary module (Wasm 2.0 §5), once.</summary>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public CompiledModule Compile(ReadOnlyMemory<byte> wasm)
    {
        var module = ModuleDecoder.Decode(wasm);
        ModuleValidator.Validate(module);
        return Compile(module);
    }

    /// <inheritdoc cref="Compile(ReadOnlyMemory{byte})"/>
    public CompiledModule Compile(byte[] wasm) => Compile(new ReadOnlyMemory<byte>(wasm));

    /// <summary>Compiles an already decoded and validated module.</summary>
    internal CompiledModule Compile(Module module) => ModuleCompiler.Compile(this, module);
}
