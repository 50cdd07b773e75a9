using System.Reflection;
using System.Reflection.Emit;

namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// Creates the collectible dynamic assemblies compiled code lives in. Each one carries
/// <c>IgnoresAccessChecksToAttribute("NomadWasm.Wasm")</c> (declared inside the dynamic assembly,
/// as System.Reflection.DispatchProxy does), so IL may use this engine's internal types and fields
/// without making them public.
/// </summary>
internal static class DynamicAssemblies
{
    private static int s_counter;

    public static ModuleBuilder Create(string purpose)
    {
        var name = new AssemblyName($"NomadWasm.Compiled.{purpose}.{Interlocked.Increment(ref s_counter)}");
        var assembly = AssemblyBuilder.DefineDynamicAssembly(name, AssemblyBuilderAccess.RunAndCollect);
        var module = assembly.DefineDynamicModule(name.Name!);
        var attribute = DefineIgnoresAccessChecksTo(module);
        var target = typeof(DynamicAssemblies).Assembly.GetName().Name!;
        assembly.SetCustomAttribute(new CustomAttributeBuilder(attribute, [target]));
        return module;
    }

    private static ConstructorInfo DefineIgnoresAccessChecksTo(ModuleBuilder module)
    {
        var type = module.DefineType(
            "System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute",
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
            typeof(Attribute));
        var usage = typeof(AttributeUsageAttribute);
        type.SetCustomAttribute(new CustomAttributeBuilder(
            usage.GetConstructor([typeof(AttributeTargets)])!,
            [AttributeTargets.Assembly],
            [usage.GetProperty(nameof(AttributeUsageAttribute.AllowMultiple))!],
            [true]));
        var field = type.DefineField("_assemblyName", typeof(string), FieldAttributes.Private | FieldAttributes.InitOnly);
        var ctor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(string)]);
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        var property = type.DefineProperty("AssemblyName", PropertyAttributes.None, typeof(string), null);
        var getter = type.DefineMethod("get_AssemblyName", MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig, typeof(string), Type.EmptyTypes);
        var gil = getter.GetILGenerator();
        gil.Emit(OpCodes.Ldarg_0);
        gil.Emit(OpCodes.Ldfld, field);
        gil.Emit(OpCodes.Ret);
        property.SetGetMethod(getter);
        return type.CreateType().GetConstructor([typeof(string)])!;
    }
}
