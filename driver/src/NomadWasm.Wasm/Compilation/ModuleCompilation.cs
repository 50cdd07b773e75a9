using System.Reflection.Emit;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation;

/// <summary>What every function compiler of one module shares.</summary>
internal sealed class ModuleCompilation
{
    public ModuleCompilation(Engine engine, Module module, MethodBuilder[] methods)
    {
        Engine = engine;
        Module = module;
        Methods = methods;
        TypeIds = new int[module.Types.Length];
        for (var i = 0; i < module.Types.Length; i++)
        {
            TypeIds[i] = engine.Types.GetId(module.Types[i]);
        }

        FunctionTypes = new FuncType[module.TotalFunctionCount];
        for (var i = 0; i < FunctionTypes.Length; i++)
        {
            FunctionTypes[i] = module.GetFunctionType((uint)i);
        }

        GlobalTypes = new GlobalType[module.TotalGlobalCount];
        var g = 0;
        foreach (var import in module.Imports)
        {
            if (import.Kind == ExternKind.Global)
            {
                GlobalTypes[g++] = import.Global;
            }
        }

        foreach (var global in module.Globals)
        {
            GlobalTypes[g++] = global.Type;
        }
    }

    public Engine Engine { get; }

    public Module Module { get; }

    /// <summary>One method per defined function (index minus the imported function count).</summary>
    public MethodBuilder[] Methods { get; }

    /// <summary>Canonical type id per type index.</summary>
    public int[] TypeIds { get; }

    /// <summary>Type of every function, imports first.</summary>
    public FuncType[] FunctionTypes { get; }

    /// <summary>Type of every global, imports first.</summary>
    public GlobalType[] GlobalTypes { get; }
}
