namespace NomadWasm.Wasm.Model;

/// <summary>A global defined by the module (Wasm 2.0 §2.5.6).</summary>
public sealed record Global(GlobalType Type, ConstExpr Init);
