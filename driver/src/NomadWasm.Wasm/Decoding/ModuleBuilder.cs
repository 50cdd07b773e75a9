using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>What the section decoders have read so far; turned into a <see cref="Module"/> at the end.</summary>
internal sealed class ModuleBuilder
{
    public FuncType[] Types { get; set; } = [];

    public Import[] Imports { get; set; } = [];

    public uint[] FunctionTypeIndices { get; set; } = [];

    public TableType[] Tables { get; set; } = [];

    public MemoryType[] Memories { get; set; } = [];

    public Global[] Globals { get; set; } = [];

    public Export[] Exports { get; set; } = [];

    public uint? Start { get; set; }

    public ElementSegment[] Elements { get; set; } = [];

    public uint? DataCount { get; set; }

    public FunctionBody[]? Codes { get; set; }

    public DataSegment[]? Data { get; set; }

    public List<CustomSection> CustomSections { get; } = [];

    public Dictionary<uint, string>? FunctionNames { get; set; }

    public string? ModuleName { get; set; }

    public Module Build()
    {
        int functions = 0, tables = 0, memories = 0, globals = 0;
        foreach (var import in Imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Function: functions++; break;
                case ExternKind.Table: tables++; break;
                case ExternKind.Memory: memories++; break;
                default: globals++; break;
            }
        }

        return new Module
        {
            Types = Types,
            Imports = Imports,
            FunctionTypeIndices = FunctionTypeIndices,
            Tables = Tables,
            Memories = Memories,
            Globals = Globals,
            Exports = Exports,
            StartFunction = Start,
            Elements = Elements,
            DataCount = DataCount,
            Codes = Codes ?? [],
            Data = Data ?? [],
            CustomSections = [.. CustomSections],
            FunctionNames = FunctionNames ?? new Dictionary<uint, string>(),
            ModuleName = ModuleName,
            ImportedFunctionCount = functions,
            ImportedTableCount = tables,
            ImportedMemoryCount = memories,
            ImportedGlobalCount = globals,
        };
    }
}
