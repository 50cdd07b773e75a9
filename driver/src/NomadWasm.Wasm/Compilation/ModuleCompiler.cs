using System.Reflection;
using System.Reflection.Emit;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// Compiles every defined function of a validated module into one static method of one type in
/// a collectible dynamic assembly (see RATIONALE.md), once per module; RyuJIT turns each method
/// into machine code on its first call.
/// </summary>
internal static class ModuleCompiler
{
    public static CompiledModule Compile(Engine engine, Model.Module module)
    {
        var moduleBuilder = DynamicAssemblies.Create(SafeName(module.ModuleName) ?? "Module");
        var type = moduleBuilder.DefineType("Wasm", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var imported = module.ImportedFunctionCount;
        var methods = new MethodBuilder[module.FunctionTypeIndices.Length];
        for (var i = 0; i < methods.Length; i++)
        {
            var funcType = module.Types[module.FunctionTypeIndices[i]];
            var name = $"{module.GetFunctionDisplayName((uint)(i + imported))}#{i + imported}";
            methods[i] = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, ClrTypes.ReturnType(funcType), ClrTypes.ParameterTypes(funcType));
            if (engine.Config.OptimizeEagerly)
            {
                methods[i].SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
            }
        }

        var compilation = new ModuleCompilation(engine, module, methods);
        for (var i = 0; i < methods.Length; i++)
        {
            try
            {
                new FunctionCompiler(compilation, i + imported, methods[i].GetILGenerator()).Compile();
            }
            catch (Exception e) when (e is not NotSupportedException)
            {
                // A validated module must compile; anything else is an engine bug worth locating.
                throw new InvalidOperationException($"internal error compiling function {module.GetFunctionDisplayName((uint)(i + imported))}: {e.Message}", e);
            }
        }

        var created = type.CreateType();
        var pointers = new nint[methods.Length];
        for (var i = 0; i < methods.Length; i++)
        {
            var method = (MethodInfo)created.Module.ResolveMethod(methods[i].MetadataToken)!;
            pointers[i] = method.MethodHandle.GetFunctionPointer();
        }

        return new CompiledModule(engine, module, new ModuleCode(created, pointers), compilation);
    }

    private static string? SafeName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var chars = name.Where(char.IsAsciiLetterOrDigit).Take(40).ToArray();
        return chars.Length == 0 ? null : new string(chars);
    }
}

/// <summary>The generated type (kept alive so its collectible assembly is) and its methods' code pointers.</summary>
internal sealed record ModuleCode(Type Type, nint[] FunctionPointers);
