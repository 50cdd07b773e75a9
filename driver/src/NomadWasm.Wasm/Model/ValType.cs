namespace NomadWasm.Wasm.Model;

/// <summary>A WebAssembly value type, encoded as its binary-format byte (Wasm 2.0 §5.3.1).</summary>
public enum ValType : byte
{
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
}

/// <summary>Helpers over <see cref="ValType"/>.</summary>
public static class ValTypeExtensions
{
    /// <summary>True for funcref and externref.</summary>
    public static bool IsReference(this ValType type) => type is ValType.FuncRef or ValType.ExternRef;

    /// <summary>The text-format name: i32, i64, f32, f64, v128, funcref, externref.</summary>
    public static string ToWatName(this ValType type) => type switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        _ => $"0x{(byte)type:x2}",
    };
}
