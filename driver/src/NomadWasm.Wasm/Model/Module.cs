namespace NomadWasm.Wasm.Model;

/// <summary>
/// A decoded module (Wasm 2.0 §2.5): immutable after decoding. Index spaces put imports first:
/// function index i &lt; <see cref="ImportedFunctionCount"/> is an import, the rest index
/// <see cref="FunctionTypeIndices"/> and <see cref="Codes"/> at i - ImportedFunctionCount.
/// Likewise for tables, memories and globals.
/// </summary>
public sealed class Module
{
    public required FuncType[] Types { get; init; }

    public required Import[] Imports { get; init; }

    /// <summary>Type index of each function the module defines (function section).</summary>
    public required uint[] FunctionTypeIndices { get; init; }

    public required TableType[] Tables { get; init; }

    public required MemoryType[] Memories { get; init; }

    public required Global[] Globals { get; init; }

    public required Export[] Exports { get; init; }

    public uint? StartFunction { get; init; }

    public required ElementSegment[] Elements { get; init; }

    /// <summary>The data count section's value, when present (bulk memory).</summary>
    public uint? DataCount { get; init; }

    public required FunctionBody[] Codes { get; init; }

    public required DataSegment[] Data { get; init; }

    public required CustomSection[] CustomSections { get; init; }

    /// <summary>Function names from the "name" custom section, by function index; empty if absent or unreadable.</summary>
    public IReadOnlyDictionary<uint, string> FunctionNames { get; init; } = new Dictionary<uint, string>();

    /// <summary>Module name from the "name" custom section, if any.</summary>
    public string? ModuleName { get; init; }

    public int ImportedFunctionCount { get; init; }

    public int ImportedTableCount { get; init; }

    public int ImportedMemoryCount { get; init; }

    public int ImportedGlobalCount { get; init; }

    public int TotalFunctionCount => ImportedFunctionCount + FunctionTypeIndices.Length;

    public int TotalTableCount => ImportedTableCount + Tables.Length;

    public int TotalMemoryCount => ImportedMemoryCount + Memories.Length;

    public int TotalGlobalCount => ImportedGlobalCount + Globals.Length;

    /// <summary>The type of function <paramref name="functionIndex"/> (imported or defined).</summary>
    public FuncType GetFunctionType(uint functionIndex) =>
        Types[functionIndex < ImportedFunctionCount
            ? ImportedFunctionTypeIndex((int)functionIndex)
            : FunctionTypeIndices[functionIndex - ImportedFunctionCount]];

    /// <summary>A readable name for error and trap messages: the name section's, else "func[i]".</summary>
    public string GetFunctionDisplayName(uint functionIndex) =>
        FunctionNames.TryGetValue(functionIndex, out var name) ? name : $"func[{functionIndex}]";

    private uint ImportedFunctionTypeIndex(int n)
    {
        foreach (var import in Imports)
        {
            if (import.Kind == ExternKind.Function && n-- == 0)
            {
                return import.FunctionTypeIndex;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(n));
    }
}
