using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// The validation context C of Wasm 2.0 §3.1.1, flattened once per module: every index space with
/// imports first, and C.refs (functions that <c>ref.func</c> may name).
/// </summary>
internal sealed class ModuleContext
{
    public ModuleContext(Module module)
    {
        Module = module;
        Functions = new FuncType[module.TotalFunctionCount];
        Tables = new TableType[module.TotalTableCount];
        Globals = new GlobalType[module.TotalGlobalCount];
        int f = 0, t = 0, g = 0;
        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Function:
                    Functions[f++] = TypeAt(import.FunctionTypeIndex, 0);
                    break;
                case ExternKind.Table:
                    Tables[t++] = import.Table;
                    break;
                case ExternKind.Global:
                    Globals[g++] = import.Global;
                    break;
            }
        }

        foreach (var typeIndex in module.FunctionTypeIndices)
        {
            Functions[f++] = TypeAt(typeIndex, 0);
        }

        module.Tables.CopyTo(Tables, t);
        for (var i = 0; i < module.Globals.Length; i++)
        {
            Globals[g + i] = module.Globals[i].Type;
        }

        DeclaredReferences = CollectDeclaredReferences(module);
    }

    public Module Module { get; }

    public FuncType[] Functions { get; }

    public TableType[] Tables { get; }

    public GlobalType[] Globals { get; }

    public int MemoryCount => Module.TotalMemoryCount;

    /// <summary>C.refs: function indices named outside function bodies (§3.4.10).</summary>
    public HashSet<uint> DeclaredReferences { get; }

    public FuncType TypeAt(uint index, int offset, int? functionIndex = null) =>
        index < (uint)Module.Types.Length ? Module.Types[index] : throw new InvalidModuleException($"unknown type {index}", offset, functionIndex);

    private static HashSet<uint> CollectDeclaredReferences(Module module)
    {
        var refs = new HashSet<uint>();
        foreach (var global in module.Globals)
        {
            AddRefFuncs(global.Init, refs);
        }

        foreach (var segment in module.Elements)
        {
            if (segment.FunctionIndices is { } functions)
            {
                refs.UnionWith(functions);
            }
            else
            {
                foreach (var expression in segment.Expressions!)
                {
                    AddRefFuncs(expression, refs);
                }
            }
        }

        foreach (var export in module.Exports)
        {
            if (export.Kind == ExternKind.Function)
            {
                refs.Add(export.Index);
            }
        }

        return refs;
    }

    /// <summary>Adds every <c>ref.func x</c> of a (well-formed) constant expression.</summary>
    private static void AddRefFuncs(ConstExpr expression, HashSet<uint> refs)
    {
        var reader = new CodeReader(expression.Code.Span, expression.Offset);
        while (!reader.AtEnd)
        {
            var start = reader.Offset;
            var op = reader.ReadOpcode();
            if (op == Opcode.RefFunc)
            {
                refs.Add(reader.ReadVarU32());
            }
            else if (op is Opcode.Block or Opcode.Loop or Opcode.If)
            {
                InstructionSkipper.ReadBlockType(ref reader);
            }
            else if (op != Opcode.End)
            {
                InstructionSkipper.SkipImmediates(ref reader, op, start);
            }
        }
    }
}
