using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// How wasm types look in IL: i32→int, i64→long, f32→float, f64→double, references→object
/// (a funcref is a <see cref="Function"/>). A function of type [p*] → [r0 r*] compiles to
/// <c>static r0 f(p*, ref r*, VmContext)</c>: the first result is the return value, the others go
/// through byref parameters, and the instance context comes last so call sites can push it after
/// the arguments already on the IL stack.
/// </summary>
internal static class ClrTypes
{
    public static Type Of(ValType type) => type switch
    {
        ValType.I32 => typeof(int),
        ValType.I64 => typeof(long),
        ValType.F32 => typeof(float),
        ValType.F64 => typeof(double),
        ValType.FuncRef or ValType.ExternRef => typeof(object),
        _ => throw new NotSupportedException($"value type {type.ToWatName()} is not supported"),
    };

    public static Type ReturnType(FuncType type) => type.Results.Count == 0 ? typeof(void) : Of(type.Results[0]);

    public static Type[] ParameterTypes(FuncType type)
    {
        var parameters = type.Parameters;
        var extraResults = Math.Max(0, type.Results.Count - 1);
        var types = new Type[parameters.Count + extraResults + 1];
        for (var i = 0; i < parameters.Count; i++)
        {
            types[i] = Of(parameters[i]);
        }

        for (var i = 0; i < extraResults; i++)
        {
            types[parameters.Count + i] = Of(type.Results[i + 1]).MakeByRefType();
        }

        types[^1] = typeof(VmContext);
        return types;
    }
}
