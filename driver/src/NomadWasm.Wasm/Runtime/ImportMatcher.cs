using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>Import matching (Wasm 2.0 §4.5.2 "external typing" and §3.3.11 import subtyping).</summary>
internal static class ImportMatcher
{
    public static void Check(CompiledModule module, Import import, object item)
    {
        switch (import.Kind)
        {
            case ExternKind.Function:
                var expected = module.Module.Types[import.FunctionTypeIndex];
                if (item is not Function function)
                {
                    throw Incompatible(import, $"expected a function, found {Describe(item)}");
                }

                if (function.Context.Engine != module.Engine)
                {
                    throw Incompatible(import, "the function belongs to another engine");
                }

                if (!function.Type.Equals(expected))
                {
                    throw Incompatible(import, $"expected function {expected}, found {function.Type}");
                }

                break;
            case ExternKind.Table:
                if (item is not Table table)
                {
                    throw Incompatible(import, $"expected a table, found {Describe(item)}");
                }

                if (table.ElementType != import.Table.ElementType
                    || !LimitsMatch(table.Size, table.Type.Limits.Max, import.Table.Limits))
                {
                    throw Incompatible(import, $"expected table {import.Table.ElementType.ToWatName()} {import.Table.Limits}, found {table.ElementType.ToWatName()} {new Limits(table.Size, table.Type.Limits.Max)}");
                }

                break;
            case ExternKind.Memory:
                if (item is not Memory memory)
                {
                    throw Incompatible(import, $"expected a memory, found {Describe(item)}");
                }

                if (!LimitsMatch(memory.PageCount, memory.Type.Limits.Max, import.Memory.Limits))
                {
                    throw Incompatible(import, $"expected memory {import.Memory.Limits}, found {new Limits(memory.PageCount, memory.Type.Limits.Max)}");
                }

                break;
            default:
                if (item is not Global global)
                {
                    throw Incompatible(import, $"expected a global, found {Describe(item)}");
                }

                if (global.Type != import.Global)
                {
                    throw Incompatible(import, $"expected global {Describe(import.Global)}, found {Describe(global.Type)}");
                }

                break;
        }
    }

    /// <summary>Actual limits {min, max} match expected ones if min ≥ expected min and max ≤ expected max (when bounded).</summary>
    private static bool LimitsMatch(uint actualMin, uint? actualMax, Limits expected) =>
        actualMin >= expected.Min
        && (expected.Max is not { } max || (actualMax is { } am && am <= max));

    private static LinkException Incompatible(Import import, string detail) =>
        new(LinkException.IncompatibleImportType, import, detail);

    private static string Describe(object item) => item switch
    {
        Function => "a function",
        Table => "a table",
        Memory => "a memory",
        Global => "a global",
        _ => item.GetType().Name,
    };

    private static string Describe(GlobalType type) => type.Mutable ? $"(mut {type.Type.ToWatName()})" : type.Type.ToWatName();
}
