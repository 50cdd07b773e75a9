using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>An export of an instance: a <see cref="Function"/>, <see cref="Memory"/>, <see cref="Table"/> or <see cref="Global"/>.</summary>
public sealed record InstanceExport(string Name, ExternKind Kind, object Value);

/// <summary>A module instance (Wasm 2.0 §4.2.5): its exports, backed by the compiled module's code.</summary>
public sealed class Instance
{
    private IReadOnlyList<InstanceExport>? _exports;

    internal Instance(CompiledModule module, Store store, VmContext context)
    {
        Module = module;
        Store = store;
        Context = context;
    }

    public CompiledModule Module { get; }

    public Store Store { get; }

    internal VmContext Context { get; }

    /// <summary>All exports in declaration order.</summary>
    public IReadOnlyList<InstanceExport> Exports => _exports ??= Module.Module.Exports
        .Select(e => new InstanceExport(e.Name, e.Kind, Resolve(e)))
        .ToArray();

    public Function? GetFunction(string name) => GetExport(name) as Function;

    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    public Table? GetTable(string name) => GetExport(name) as Table;

    public Global? GetGlobal(string name) => GetExport(name) as Global;

    /// <summary>The export named <paramref name="name"/>, or null.</summary>
    public object? GetExport(string name) => Module.TryGetExport(name, out var export) ? Resolve(export) : null;

    private object Resolve(Export export) => export.Kind switch
    {
        ExternKind.Function => Context.GetFunction((int)export.Index),
        ExternKind.Table => Context.Tables[export.Index],
        ExternKind.Memory => Context.Memories[export.Index],
        _ => Context.Globals[export.Index],
    };
}
