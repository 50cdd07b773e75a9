using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Names host functions, memories, tables, globals and other instances' exports by
/// (module, name), and resolves a module's imports against them ahead of time
/// (<see cref="Prepare"/>). Defining an existing name replaces it.
/// </summary>
public sealed class Linker
{
    private readonly Dictionary<(string Module, string Name), object> _items = [];

    public Linker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    public Engine Engine { get; }

    /// <summary>Defines a host function.</summary>
    public Linker DefineFunction(string module, string name, FuncType type, HostFunction function)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(function);
        _items[(module, name)] = Engine.Trampolines.CreateHostFunction(type, function, $"{module}.{name}");
        return this;
    }

    /// <summary>Defines an existing function (host or wasm) under a name.</summary>
    public Linker DefineFunction(string module, string name, Function function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _items[(module, name)] = function;
        return this;
    }

    public Linker DefineMemory(string module, string name, Memory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _items[(module, name)] = memory;
        return this;
    }

    public Linker DefineTable(string module, string name, Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _items[(module, name)] = table;
        return this;
    }

    public Linker DefineGlobal(string module, string name, Global global)
    {
        ArgumentNullException.ThrowIfNull(global);
        _items[(module, name)] = global;
        return this;
    }

    /// <summary>Defines every export of <paramref name="instance"/> under module name <paramref name="module"/>.</summary>
    public Linker DefineInstance(string module, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (var export in instance.Exports)
        {
            _items[(module, export.Name)] = export.Value;
        }

        return this;
    }

    /// <summary>The item defined under (module, name), or null.</summary>
    public object? Get(string module, string name) => _items.GetValueOrDefault((module, name));

    /// <summary>Resolves and type-checks every import of <paramref name="module"/> (Wasm 2.0 §4.5.4).</summary>
    /// <exception cref="LinkException">An import is missing or has an incompatible type.</exception>
    public InstancePre Prepare(CompiledModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var imports = module.Module.Imports;
        var resolved = new object[imports.Length];
        for (var i = 0; i < imports.Length; i++)
        {
            var import = imports[i];
            if (!_items.TryGetValue((import.Module, import.Name), out var item))
            {
                throw new LinkException(LinkException.UnknownImport, import, "not defined in the linker");
            }

            ImportMatcher.Check(module, import, item);
            resolved[i] = item;
        }

        return new InstancePre(module, resolved);
    }
}
