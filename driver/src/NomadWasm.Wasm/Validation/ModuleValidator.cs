using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// Validates a decoded module (Wasm 2.0 §3.4, plus extended-const). Throws
/// <see cref="InvalidModuleException"/> with the spec suite's reason; a few checks the spec files
/// under the binary format ("data count section required", bad instruction encodings found while
/// reading bodies) surface as <see cref="MalformedModuleException"/>.
/// </summary>
public static class ModuleValidator
{
    public static void Validate(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var context = new ModuleContext(module);
        ValidateTypesOfImports(module);
        ValidateTablesAndMemories(context);
        ValidateGlobals(context);
        ValidateExports(context);
        ValidateStart(context);
        ValidateElements(context);
        ValidateData(context);
        ValidateFunctions(context);
    }

    private static void ValidateTypesOfImports(Module module)
    {
        foreach (var import in module.Imports)
        {
            if (import.Kind == ExternKind.Function && import.FunctionTypeIndex >= (uint)module.Types.Length)
            {
                throw new InvalidModuleException($"unknown type {import.FunctionTypeIndex}", 0);
            }
        }

        foreach (var typeIndex in module.FunctionTypeIndices)
        {
            if (typeIndex >= (uint)module.Types.Length)
            {
                throw new InvalidModuleException($"unknown type {typeIndex}", 0);
            }
        }
    }

    private static void ValidateTablesAndMemories(ModuleContext context)
    {
        var module = context.Module;
        foreach (var table in context.Tables)
        {
            CheckLimits(table.Limits, uint.MaxValue, null);
        }

        foreach (var import in module.Imports)
        {
            if (import.Kind == ExternKind.Memory)
            {
                CheckLimits(import.Memory.Limits, MemoryType.MaxPages, "memory size must be at most 65536 pages (4GiB)");
            }
        }

        foreach (var memory in module.Memories)
        {
            CheckLimits(memory.Limits, MemoryType.MaxPages, "memory size must be at most 65536 pages (4GiB)");
        }

        if (context.MemoryCount > 1)
        {
            throw new InvalidModuleException("multiple memories (multi-memory proposal not supported)", 0);
        }
    }

    /// <summary>Limits (§3.2.1): min and max within range, min ≤ max.</summary>
    private static void CheckLimits(Limits limits, uint range, string? rangeReason)
    {
        if (limits.Min > range || limits.Max > range)
        {
            throw new InvalidModuleException(rangeReason ?? "table size must be at most 2^32-1", 0);
        }

        if (limits.Max is { } max && limits.Min > max)
        {
            throw new InvalidModuleException("size minimum must not be greater than maximum", 0);
        }
    }

    private static void ValidateGlobals(ModuleContext context)
    {
        foreach (var global in context.Module.Globals)
        {
            ConstExprValidator.Validate(context, global.Init, global.Type.Type, context.Module.ImportedGlobalCount);
        }
    }

    private static void ValidateExports(ModuleContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var export in context.Module.Exports)
        {
            if (!names.Add(export.Name))
            {
                throw new InvalidModuleException("duplicate export name", 0);
            }

            var (count, what) = export.Kind switch
            {
                ExternKind.Function => (context.Functions.Length, "function"),
                ExternKind.Table => (context.Tables.Length, "table"),
                ExternKind.Memory => (context.MemoryCount, "memory"),
                _ => (context.Globals.Length, "global"),
            };
            if (export.Index >= (uint)count)
            {
                throw new InvalidModuleException($"unknown {what} {export.Index}", 0);
            }
        }
    }

    private static void ValidateStart(ModuleContext context)
    {
        if (context.Module.StartFunction is not { } start)
        {
            return;
        }

        if (start >= (uint)context.Functions.Length)
        {
            throw new InvalidModuleException($"unknown function {start}", 0);
        }

        var type = context.Functions[start];
        if (type.Parameters.Count != 0 || type.Results.Count != 0)
        {
            throw new InvalidModuleException("start function", 0);
        }
    }

    private static void ValidateElements(ModuleContext context)
    {
        var all = context.Globals.Length;
        foreach (var segment in context.Module.Elements)
        {
            if (segment.Mode == SegmentMode.Active)
            {
                if (segment.TableIndex >= (uint)context.Tables.Length)
                {
                    throw new InvalidModuleException($"unknown table {segment.TableIndex}", segment.Offset!.Offset);
                }

                ConstExprValidator.Validate(context, segment.Offset!, ValType.I32, all);
                if (context.Tables[segment.TableIndex].ElementType != segment.ElementType)
                {
                    throw new InvalidModuleException("type mismatch", segment.Offset!.Offset);
                }
            }

            if (segment.FunctionIndices is { } functions)
            {
                foreach (var function in functions)
                {
                    if (function >= (uint)context.Functions.Length)
                    {
                        throw new InvalidModuleException($"unknown function {function}", segment.Offset?.Offset ?? 0);
                    }
                }
            }
            else
            {
                foreach (var expression in segment.Expressions!)
                {
                    ConstExprValidator.Validate(context, expression, segment.ElementType, all);
                }
            }
        }
    }

    private static void ValidateData(ModuleContext context)
    {
        foreach (var segment in context.Module.Data)
        {
            if (segment.Mode != SegmentMode.Active)
            {
                continue;
            }

            if (segment.MemoryIndex >= (uint)context.MemoryCount)
            {
                throw new InvalidModuleException($"unknown memory {segment.MemoryIndex}", segment.Offset!.Offset);
            }

            ConstExprValidator.Validate(context, segment.Offset!, ValType.I32, context.Globals.Length);
        }
    }

    private static void ValidateFunctions(ModuleContext context)
    {
        var module = context.Module;
        var validator = new FunctionValidator(context);
        for (var i = 0; i < module.Codes.Length; i++)
        {
            var functionIndex = module.ImportedFunctionCount + i;
            try
            {
                validator.Validate(functionIndex, context.Functions[functionIndex], module.Codes[i]);
            }
            catch (InvalidModuleException)
            {
                // The spec decodes the whole module before validating it, so a malformed body
                // (here or in a later function) must win over this validation error.
                for (var j = i; j < module.Codes.Length; j++)
                {
                    InstructionSkipper.SkipBody(module.Codes[j].Code.Span, module.Codes[j].CodeOffset);
                }

                throw;
            }
        }
    }
}
