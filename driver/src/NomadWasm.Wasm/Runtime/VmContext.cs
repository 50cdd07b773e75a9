using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// The state compiled code runs against: every compiled function takes its instance's context as
/// its last parameter (see RATIONALE.md). Fields, not properties, because IL reads them directly.
/// A host function has a context of its own that carries only <see cref="Host"/>.
/// </summary>
internal sealed class VmContext
{
    // Instance state read by compiled code.
    internal Store Store = null!;
    internal Memory? Memory0;
    internal Memory[] Memories = [];
    internal Table[] Tables = [];
    internal Global[] Globals = [];

    /// <summary>Function index space: imports filled at instantiation, defined functions created lazily.</summary>
    internal Function?[] Functions = [];

    /// <summary>Passive data segments by index; a dropped or active segment is empty.</summary>
    internal ReadOnlyMemory<byte>[] DataSegments = [];

    /// <summary>Element segments evaluated to references; dropped and active ones are empty.</summary>
    internal object?[][] ElementSegments = [];

    internal Engine Engine = null!;
    internal CompiledModule? Module;
    internal Instance? Instance;

    // Host function contexts only.
    internal HostFunction? Host;
    internal FuncType? HostType;
    internal string? HostName;

    /// <summary>A readable name of function <paramref name="functionIndex"/> of this context's module.</summary>
    internal string FunctionName(int functionIndex) =>
        Module?.Module.GetFunctionDisplayName((uint)functionIndex) ?? HostName ?? $"func[{functionIndex}]";

    /// <summary>The funcref for function <paramref name="index"/>, created on first use.</summary>
    internal Function GetFunction(int index)
    {
        var existing = Functions[index];
        if (existing is not null)
        {
            return existing;
        }

        var module = Module!;
        var defined = index - module.Module.ImportedFunctionCount;
        var function = new Function(module.FunctionTypes[index], module.FunctionTypeIds[index], module.Code.FunctionPointers[defined], this, null, index);
        Functions[index] = function;
        return function;
    }
}
