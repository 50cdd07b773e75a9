using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace NomadWasm.Plugin.MsgPack;

/// <summary>
/// Decodes <c>SetConfigRequest.msgpack_config</c> and <c>TaskConfig.msgpack_driver_config</c> (spec §12) into a
/// <see cref="CtyValue"/> tree. Accepts what cty's own unmarshal accepts (CTY: cty/msgpack/unmarshal.go): numbers as any
/// int/uint width, float32/64, or decimal text in a str; nil for null; ext type 0 / 0x0c for unknown; the
/// <c>[bin(type JSON), value]</c> dynamic wrapper, unwrapped. Anything else is a <see cref="CtyDecodeException"/> naming
/// the path and byte offset.
/// </summary>
public static class MsgPackCtyDecoder
{
    /// <summary>Deeper nesting than this is refused rather than risking the stack on hostile input.</summary>
    public const int MaxDepth = 64;

    /// <summary>Decodes one value; the payload must contain exactly one. An empty payload (no config) decodes to null.</summary>
    public static CtyValue Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return CtyValue.Null;
        }

        var reader = new Reader(payload);
        var value = reader.ReadValue("config", 0);
        if (reader.Position != payload.Length)
        {
            throw new CtyDecodeException("config", $"{payload.Length - reader.Position} trailing bytes after the value", reader.Position);
        }

        return value;
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        internal int Position { get; private set; }

        internal CtyValue ReadValue(string path, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new CtyDecodeException(path, $"nested deeper than {MaxDepth} levels", Position);
            }

            var start = Position;
            var code = ReadByte(path);
            switch (code)
            {
                case <= MsgPackCode.PositiveFixIntMax:
                    return Number(path, CtyNumber.FromInt64(code));
                case >= MsgPackCode.NegativeFixIntLow:
                    return Number(path, CtyNumber.FromInt64((sbyte)code));
                case >= MsgPackCode.FixMapLow and <= MsgPackCode.FixMapHigh:
                    return ReadMap(path, code & 0x0f, depth);
                case >= MsgPackCode.FixArrayLow and <= MsgPackCode.FixArrayHigh:
                    return ReadArray(path, code & 0x0f, depth);
                case >= MsgPackCode.FixStrLow and <= MsgPackCode.FixStrHigh:
                    return CtyValue.Create(CtyValueKind.String, path, text: ReadString(path, code & 0x1f));
            }

            switch (code)
            {
                case MsgPackCode.Nil: return CtyValue.Create(CtyValueKind.Null, path);
                case MsgPackCode.False: return CtyValue.Create(CtyValueKind.Bool, path, boolean: false);
                case MsgPackCode.True: return CtyValue.Create(CtyValueKind.Bool, path, boolean: true);
                case MsgPackCode.Uint8: return Number(path, CtyNumber.FromInt64(Take(path, 1)[0]));
                case MsgPackCode.Uint16: return Number(path, CtyNumber.FromInt64(BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2))));
                case MsgPackCode.Uint32: return Number(path, CtyNumber.FromInt64(BinaryPrimitives.ReadUInt32BigEndian(Take(path, 4))));
                case MsgPackCode.Uint64: return Number(path, CtyNumber.FromUInt64(BinaryPrimitives.ReadUInt64BigEndian(Take(path, 8))));
                case MsgPackCode.Int8: return Number(path, CtyNumber.FromInt64((sbyte)Take(path, 1)[0]));
                case MsgPackCode.Int16: return Number(path, CtyNumber.FromInt64(BinaryPrimitives.ReadInt16BigEndian(Take(path, 2))));
                case MsgPackCode.Int32: return Number(path, CtyNumber.FromInt64(BinaryPrimitives.ReadInt32BigEndian(Take(path, 4))));
                case MsgPackCode.Int64: return Number(path, CtyNumber.FromInt64(BinaryPrimitives.ReadInt64BigEndian(Take(path, 8))));
                case MsgPackCode.Float32: return Float(path, start, BinaryPrimitives.ReadSingleBigEndian(Take(path, 4)));
                case MsgPackCode.Float64: return Float(path, start, BinaryPrimitives.ReadDoubleBigEndian(Take(path, 8)));
                case MsgPackCode.Str8: return CtyValue.Create(CtyValueKind.String, path, text: ReadString(path, Take(path, 1)[0]));
                case MsgPackCode.Str16: return CtyValue.Create(CtyValueKind.String, path, text: ReadString(path, BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2))));
                case MsgPackCode.Str32: return CtyValue.Create(CtyValueKind.String, path, text: ReadString(path, ReadLength32(path)));
                case MsgPackCode.Array16: return ReadArray(path, BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2)), depth);
                case MsgPackCode.Array32: return ReadArray(path, ReadLength32(path), depth);
                case MsgPackCode.Map16: return ReadMap(path, BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2)), depth);
                case MsgPackCode.Map32: return ReadMap(path, ReadLength32(path), depth);
                case MsgPackCode.FixExt1: return ReadExtension(path, start, 1);
                case MsgPackCode.FixExt2: return ReadExtension(path, start, 2);
                case MsgPackCode.FixExt4: return ReadExtension(path, start, 4);
                case MsgPackCode.FixExt8: return ReadExtension(path, start, 8);
                case MsgPackCode.FixExt16: return ReadExtension(path, start, 16);
                case MsgPackCode.Ext8: return ReadExtension(path, start, Take(path, 1)[0]);
                case MsgPackCode.Ext16: return ReadExtension(path, start, BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2)));
                case MsgPackCode.Ext32: return ReadExtension(path, start, ReadLength32(path));
                case MsgPackCode.Bin8 or MsgPackCode.Bin16 or MsgPackCode.Bin32:
                    throw new CtyDecodeException(path, "msgpack bin is not a cty value (only allowed as a dynamic type wrapper)", start);
                default:
                    throw new CtyDecodeException(path, string.Create(CultureInfo.InvariantCulture, $"invalid msgpack format byte 0x{code:x2}"), start);
            }
        }

        private static CtyValue Number(string path, CtyNumber number) => CtyValue.Create(CtyValueKind.Number, path, number: number);

        private static CtyValue Float(string path, int offset, double value) =>
            double.IsNaN(value)
                ? throw new CtyDecodeException(path, "NaN is not a cty number", offset)
                : Number(path, CtyNumber.FromDouble(value));

        private CtyValue ReadArray(string path, int count, int depth)
        {
            // A 2-element array whose first element is bin is cty's dynamic-type wrapper: [type JSON, value].
            if (count == 2 && Position < _data.Length && _data[Position] is MsgPackCode.Bin8 or MsgPackCode.Bin16 or MsgPackCode.Bin32)
            {
                SkipBin(path);
                return ReadValue(path, depth + 1);
            }

            EnsureRemaining(path, count); // each element takes at least one byte
            var elements = new CtyValue[count];
            for (var i = 0; i < count; i++)
            {
                elements[i] = ReadValue(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), depth + 1);
            }

            return CtyValue.Array(path, elements);
        }

        private CtyValue ReadMap(string path, int count, int depth)
        {
            EnsureRemaining(path, count * 2L);
            var entries = new KeyValuePair<string, CtyValue>[count];
            for (var i = 0; i < count; i++)
            {
                var keyOffset = Position;
                var key = ReadValue(path + ".<key>", depth + 1);
                if (key.Kind != CtyValueKind.String)
                {
                    throw new CtyDecodeException(path, $"map key must be a string, got {key.Describe()}", keyOffset);
                }

                var name = key.AsString();
                entries[i] = KeyValuePair.Create(name, ReadValue(CtyValue.ChildPath(path, name), depth + 1));
            }

            return CtyValue.Map(path, entries);
        }

        private CtyValue ReadExtension(string path, int offset, int length)
        {
            var type = (sbyte)Take(path, 1)[0];
            Take(path, length);
            return type is MsgPackCode.UnknownExtType or MsgPackCode.RefinedUnknownExtType
                ? CtyValue.Create(CtyValueKind.Unknown, path)
                : throw new CtyDecodeException(path, string.Create(CultureInfo.InvariantCulture, $"msgpack ext type {type} is not a cty value"), offset);
        }

        private void SkipBin(string path)
        {
            var code = ReadByte(path);
            var length = code switch
            {
                MsgPackCode.Bin8 => Take(path, 1)[0],
                MsgPackCode.Bin16 => BinaryPrimitives.ReadUInt16BigEndian(Take(path, 2)),
                _ => ReadLength32(path),
            };
            Take(path, length);
        }

        private string ReadString(string path, int length)
        {
            var offset = Position;
            var bytes = Take(path, length);
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new CtyDecodeException(path, "string is not valid UTF-8", offset);
            }
        }

        private int ReadLength32(string path)
        {
            var offset = Position;
            var length = BinaryPrimitives.ReadUInt32BigEndian(Take(path, 4));
            return length <= int.MaxValue ? (int)length : throw new CtyDecodeException(path, $"length {length} is too large", offset);
        }

        private byte ReadByte(string path) => Take(path, 1)[0];

        private ReadOnlySpan<byte> Take(string path, int count)
        {
            EnsureRemaining(path, count);
            var span = _data.Slice(Position, count);
            Position += count;
            return span;
        }

        private readonly void EnsureRemaining(string path, long count)
        {
            if (count > _data.Length - Position)
            {
                throw new CtyDecodeException(path, $"payload ends early: {count} more bytes needed, {_data.Length - Position} left", Position);
            }
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
