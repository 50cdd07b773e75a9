namespace NomadWasm.Wasm.Decoding;

/// <summary>Section ids (Wasm 2.0 §5.5.2).</summary>
internal enum SectionId : byte
{
    Custom = 0,
    Type = 1,
    Import = 2,
    Function = 3,
    Table = 4,
    Memory = 5,
    Global = 6,
    Export = 7,
    Start = 8,
    Element = 9,
    Code = 10,
    Data = 11,
    DataCount = 12,
}

/// <summary>Names and ordering of <see cref="SectionId"/>.</summary>
internal static class SectionIds
{
    /// <summary>
    /// Position of a non-custom section in the required order (§5.5.16): the data count section
    /// (id 12) sits between the element and code sections.
    /// </summary>
    public static int OrderOf(SectionId id) => id switch
    {
        SectionId.DataCount => 10,
        SectionId.Code => 11,
        SectionId.Data => 12,
        _ => (int)id,
    };

    public static string NameOf(SectionId id) => id switch
    {
        SectionId.Custom => "custom",
        SectionId.Type => "type",
        SectionId.Import => "import",
        SectionId.Function => "function",
        SectionId.Table => "table",
        SectionId.Memory => "memory",
        SectionId.Global => "global",
        SectionId.Export => "export",
        SectionId.Start => "start",
        SectionId.Element => "element",
        SectionId.Code => "code",
        SectionId.Data => "data",
        SectionId.DataCount => "data count",
        _ => $"id {(byte)id}",
    };
}
