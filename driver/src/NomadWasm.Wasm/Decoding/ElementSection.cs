using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Element section (Wasm 2.0 §5.5.12). The segment's u32 flags select its form:
/// bit 0 = passive/declarative (else active), bit 1 = explicit table index (active) or
/// declarative (non-active), bit 2 = items are expressions (else function indices).
/// </summary>
internal static class ElementSection
{
    public static ElementSegment[] Decode(ModuleReader reader)
    {
        var segments = new ElementSegment[reader.ReadLength()];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = ReadSegment(reader);
        }

        return segments;
    }

    private static ElementSegment ReadSegment(ModuleReader reader)
    {
        var flagsOffset = reader.Position;
        var flags = reader.ReadU32();
        if (flags > 7)
        {
            throw reader.Error("malformed elements segment kind", flagsOffset);
        }

        var mode = (flags & 1) == 0 ? SegmentMode.Active : (flags & 2) == 0 ? SegmentMode.Passive : SegmentMode.Declarative;
        var table = 0u;
        ConstExpr? offset = null;
        if (mode == SegmentMode.Active)
        {
            if ((flags & 2) != 0)
            {
                table = reader.ReadU32();
            }

            offset = reader.ReadConstExpr();
        }

        var usesExpressions = (flags & 4) != 0;
        var elementType = ValType.FuncRef;

        // Forms 0 and 4 have no element kind / type byte: funcref is implied.
        if (flags is not (0 or 4))
        {
            if (usesExpressions)
            {
                elementType = reader.ReadRefType();
            }
            else
            {
                var kindOffset = reader.Position;
                if (reader.ReadByte() != 0)
                {
                    throw reader.Error("malformed element kind", kindOffset);
                }
            }
        }

        var count = reader.ReadLength();
        if (usesExpressions)
        {
            var expressions = new ConstExpr[count];
            for (var i = 0; i < count; i++)
            {
                expressions[i] = reader.ReadConstExpr();
            }

            return new ElementSegment(mode, elementType, table, offset, null, expressions);
        }

        var functions = new uint[count];
        for (var i = 0; i < count; i++)
        {
            functions[i] = reader.ReadU32();
        }

        return new ElementSegment(mode, elementType, table, offset, functions, null);
    }
}
