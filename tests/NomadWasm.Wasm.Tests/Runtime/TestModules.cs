using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Tests.Support;

namespace NomadWasm.Wasm.Tests.Runtime;

/// <summary>Builds modules from WAT and instantiates them for runtime and compiler tests.</summary>
internal static class TestModules
{
    public static readonly Engine SharedEngine = new();

    public static CompiledModule Compile(string wat) => SharedEngine.Compile(WasmTools.Wat2Wasm(wat, "--debug-names", "--enable-extended-const"));

    public static Instance Instantiate(string wat, Action<Linker>? link = null, Store? store = null)
    {
        var module = Compile(wat);
        var linker = new Linker(SharedEngine);
        link?.Invoke(linker);
        return linker.Prepare(module).Instantiate(store ?? new Store(SharedEngine));
    }

    public static Value[] Call(this Instance instance, string name, params Value[] args) =>
        (instance.GetFunction(name) ?? throw new InvalidOperationException($"no export {name}")).Invoke(args);

    public static int CallI32(this Instance instance, string name, params Value[] args) => instance.Call(name, args)[0].I32;

    public static long CallI64(this Instance instance, string name, params Value[] args) => instance.Call(name, args)[0].I64;

    public static Value I32(int v) => Value.FromI32(v);

    public static Value I64(long v) => Value.FromI64(v);

    public static Value F32(float v) => Value.FromF32(v);

    public static Value F64(double v) => Value.FromF64(v);
}
