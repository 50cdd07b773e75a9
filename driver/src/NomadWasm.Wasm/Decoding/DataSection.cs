using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Data section (Wasm 2.0 §5.5.14). Flags: 0 = active in memory 0, 1 = passive,
/// 2 = active with an explicit memory index.
/// </summary>
internal static class DataSection
{
    public static DataSegment[] Decode(ModuleReader reader)
    {
        var segments = new DataSegment[reader.ReadLength()];
        for (var i = 0; i < segments.Length; i++)
        {
            var flagsOffset = reader.Position;
            var flags = reader.ReadU32();
            segments[i] = flags switch
            {
                0 => Active(reader, 0),
                1 => new DataSegment(SegmentMode.Passive, 0, null, reader.ReadBytes(reader.ReadLength())),
                2 => Active(reader, reader.ReadU32()),
                _ => throw reader.Error("malformed data segment kind", flagsOffset),
            };
        }

        return segments;
    }

    private static DataSegment Active(ModuleReader reader, uint memory)
    {
        var offset = reader.ReadConstExpr();
        return new DataSegment(SegmentMode.Active, memory, offset, reader.ReadBytes(reader.ReadLength()));
    }
}
