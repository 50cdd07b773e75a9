using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Decodes the binary format (Wasm 2.0 §5, plus extended-const constant expressions) into a
/// <see cref="Module"/>. Function bodies are sliced, with their local declarations read; their
/// instructions are left to the validator and compiler (<see cref="CodeReader"/>). Every failure
/// is a <see cref="MalformedModuleException"/> naming the section and byte offset.
/// </summary>
public static class ModuleDecoder
{
    private const uint Magic = 0x6D736100; // "\0asm" little-endian
    private const uint Version = 1;

    public static Module Decode(ReadOnlyMemory<byte> wasm)
    {
        var reader = new ModuleReader(wasm);
        ReadHeader(reader);

        var builder = new ModuleBuilder();
        var lastOrder = 0;
        while (!reader.AtEnd)
        {
            var idOffset = reader.Position;
            reader.Section = null;
            var rawId = reader.ReadByte();
            if (rawId > (byte)SectionId.DataCount)
            {
                throw reader.Error(rawId == 13 ? "malformed section id 13 (exception handling tag section not supported)" : "malformed section id", idOffset);
            }

            var id = (SectionId)rawId;
            reader.Section = SectionIds.NameOf(id);
            var size = reader.ReadSize();
            var start = reader.Position;
            var end = (int)Math.Min((long)start + size, int.MaxValue);
            if (id != SectionId.Custom)
            {
                var order = SectionIds.OrderOf(id);
                if (order <= lastOrder)
                {
                    throw reader.Error("junk after last section", idOffset);
                }

                lastOrder = order;
            }

            DecodeSection(reader, builder, id, end);
            if (id == SectionId.Code && reader.Position != end)
            {
                // The spec decodes bodies as part of the section, so a malformed body is reported
                // before the section's size mismatch.
                foreach (var body in builder.Codes!)
                {
                    InstructionSkipper.SkipBody(body.Code.Span, body.CodeOffset);
                }
            }

            reader.ExpectSectionEnd(end, start);
        }

        reader.Section = null;
        var functionCount = builder.FunctionTypeIndices.Length;
        if (functionCount != (builder.Codes?.Length ?? 0))
        {
            throw reader.Error("function and code section have inconsistent lengths");
        }

        if (builder.DataCount is { } dataCount && dataCount != (uint)(builder.Data?.Length ?? 0))
        {
            throw reader.Error("data count and data section have inconsistent lengths");
        }

        return builder.Build();
    }

    private static void ReadHeader(ModuleReader reader)
    {
        var span = reader.Memory.Span;
        if (span.Length < 4)
        {
            throw reader.Error("unexpected end", span.Length);
        }

        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic)
        {
            throw reader.Error("magic header not detected", 0);
        }

        if (span.Length < 8)
        {
            throw reader.Error("unexpected end", span.Length);
        }

        if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) != Version)
        {
            throw reader.Error("unknown binary version", 4);
        }

        reader.Position = 8;
    }

    private static void DecodeSection(ModuleReader reader, ModuleBuilder builder, SectionId id, int end)
    {
        switch (id)
        {
            case SectionId.Custom:
                CustomSectionDecoder.Decode(reader, builder, end);
                break;
            case SectionId.Type:
                builder.Types = TypeSection.Decode(reader);
                break;
            case SectionId.Import:
                builder.Imports = ImportSection.Decode(reader);
                break;
            case SectionId.Function:
                builder.FunctionTypeIndices = FunctionSection.Decode(reader);
                break;
            case SectionId.Table:
                builder.Tables = TableSection.Decode(reader);
                break;
            case SectionId.Memory:
                builder.Memories = MemorySection.Decode(reader);
                break;
            case SectionId.Global:
                builder.Globals = GlobalSection.Decode(reader);
                break;
            case SectionId.Export:
                builder.Exports = ExportSection.Decode(reader);
                break;
            case SectionId.Start:
                builder.Start = reader.ReadU32();
                break;
            case SectionId.Element:
                builder.Elements = ElementSection.Decode(reader);
                break;
            case SectionId.DataCount:
                builder.DataCount = reader.ReadU32();
                break;
            case SectionId.Code:
                builder.Codes = CodeSection.Decode(reader, builder.FunctionTypeIndices.Length);
                break;
            case SectionId.Data:
                builder.Data = DataSection.Decode(reader);
                break;
        }
    }
}
