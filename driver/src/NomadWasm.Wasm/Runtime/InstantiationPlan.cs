using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Per-module work done once for all instances: the initial memory image (active data segments
/// with constant offsets, merged into a few chunks) and element segments reduced to function index
/// lists where their items are plain ref.func / ref.null.
/// </summary>
internal sealed class InstantiationPlan
{
    /// <summary>Gaps up to this many bytes between data segments are merged into one chunk.</summary>
    private const int MergeGap = 256;

    private InstantiationPlan(DataChunk[]? image, int[]?[] elementFunctions)
    {
        Image = image;
        ElementFunctions = elementFunctions;
    }

    /// <summary>
    /// The initial contents of defined memory 0 as (offset, bytes) chunks, or null when the data
    /// segments must be applied one by one (imported memory, computed offsets, or a segment out of
    /// bounds, which must trap after the earlier segments were written).
    /// </summary>
    public DataChunk[]? Image { get; }

    /// <summary>Per element segment: function indices (-1 = null), or null if items need evaluating.</summary>
    public int[]?[] ElementFunctions { get; }

    public static InstantiationPlan Create(CompiledModule compiled)
    {
        var module = compiled.Module;
        var elements = new int[]?[module.Elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = FunctionIndices(module.Elements[i]);
        }

        return new InstantiationPlan(BuildImage(module), elements);
    }

    private static int[]? FunctionIndices(ElementSegment segment)
    {
        if (segment.FunctionIndices is { } indices)
        {
            return Array.ConvertAll(indices, i => (int)i);
        }

        var result = new int[segment.Expressions!.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var code = segment.Expressions[i].Code.Span;
            if (code.Length >= 2 && code[0] == (byte)Opcode.RefNull && code[^1] == (byte)Opcode.End && code.Length == 3)
            {
                result[i] = -1;
                continue;
            }

            var reader = new Decoding.CodeReader(code, segment.Expressions[i].Offset);
            if (reader.ReadOpcode() != Opcode.RefFunc)
            {
                return null;
            }

            var index = reader.ReadVarU32();
            if (reader.AtEnd || reader.ReadOpcode() != Opcode.End || !reader.AtEnd)
            {
                return null;
            }

            result[i] = (int)index;
        }

        return result;
    }

    private static DataChunk[]? BuildImage(Module module)
    {
        if (module.Memories.Length == 0 || module.ImportedMemoryCount > 0)
        {
            return null;
        }

        var initialBytes = (ulong)module.Memories[0].Limits.Min * MemoryType.PageSize;
        var placed = new List<(ulong Offset, ReadOnlyMemory<byte> Bytes)>();
        foreach (var segment in module.Data)
        {
            if (segment.Mode != SegmentMode.Active)
            {
                continue;
            }

            if (!ConstExprEvaluator.TryConstantI32(segment.Offset!, out var offset))
            {
                return null;
            }

            var start = (ulong)(uint)offset;
            if (start + (ulong)segment.Bytes.Length > initialBytes)
            {
                return null;
            }

            if (segment.Bytes.Length > 0)
            {
                placed.Add((start, segment.Bytes));
            }
        }

        // Chunk boundaries: sort by start, merge ranges that overlap or nearly touch.
        var ranges = placed.Select(p => (Start: p.Offset, End: p.Offset + (ulong)p.Bytes.Length)).OrderBy(r => r.Start).ToList();
        var merged = new List<(ulong Start, ulong End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End + MergeGap)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        var chunks = merged.Select(m => new DataChunk(m.Start, new byte[m.End - m.Start])).ToArray();

        // Write segments in declaration order so later ones win where they overlap.
        foreach (var (offset, bytes) in placed)
        {
            var chunk = chunks.Last(c => c.Offset <= offset);
            bytes.Span.CopyTo(chunk.Bytes.AsSpan((int)(offset - chunk.Offset)));
        }

        return chunks;
    }
}

/// <summary>Bytes to copy to <see cref="Offset"/> of a fresh memory.</summary>
internal sealed record DataChunk(ulong Offset, byte[] Bytes);
