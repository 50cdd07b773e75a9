using NomadWasm.Wasm.Compilation;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A decoded, validated and compiled module: everything that does not depend on an instance
/// (compiled code, canonical type ids, the instantiation plan with its pre-rendered data image).
/// Shared by all its instances; thread-safe.
/// </summary>
public sealed class CompiledModule
{
    private readonly Dictionary<string, Export> _exports;

    internal CompiledModule(Engine engine, Module module, ModuleCode code, ModuleCompilation compilation)
    {
        Engine = engine;
        Module = module;
        Code = code;
        FunctionTypes = compilation.FunctionTypes;
        FunctionTypeIds = new int[FunctionTypes.Length];
        for (var i = 0; i < FunctionTypes.Length; i++)
        {
            FunctionTypeIds[i] = engine.Types.GetId(FunctionTypes[i]);
        }

        GlobalTypes = compilation.GlobalTypes;
        _exports = new Dictionary<string, Export>(StringComparer.Ordinal);
        foreach (var export in module.Exports)
        {
            _exports[export.Name] = export;
        }

        Plan = InstantiationPlan.Create(this);
    }

    public Engine Engine { get; }

    /// <summary>The decoded module.</summary>
    public Module Module { get; }

    public IReadOnlyList<Import> Imports => Module.Imports;

    public IReadOnlyList<Export> Exports => Module.Exports;

    internal ModuleCode Code { get; }

    internal FuncType[] FunctionTypes { get; }

    internal int[] FunctionTypeIds { get; }

    internal GlobalType[] GlobalTypes { get; }

    internal InstantiationPlan Plan { get; }

    internal bool TryGetExport(string name, out Export export) => _exports.TryGetValue(name, out export!);

    public override string ToString() => Module.ModuleName ?? "module";
}
