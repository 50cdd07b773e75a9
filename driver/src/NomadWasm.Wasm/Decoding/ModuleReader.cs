using System.Text;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Cursor over the whole module's bytes used by the section decoders (Wasm 2.0 §5.1-§5.5).
/// Like the reference interpreter, reads are bounded by the end of the module, not of the current
/// section: a section that reads too far fails its size check ("section size mismatch") or runs
/// off the module ("unexpected end of section or function"). Vector and name lengths are checked
/// against the bytes left in the module ("length out of bounds"), so no count can make the decoder
/// allocate more than the module's size.
/// </summary>
internal sealed class ModuleReader
{
    public const string UnexpectedEnd = "unexpected end of section or function";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ModuleReader(ReadOnlyMemory<byte> module)
    {
        Memory = module;
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public int Position { get; set; }

    /// <summary>Name of the section being decoded, for error messages.</summary>
    public string? Section { get; set; }

    public int Remaining => Memory.Length - Position;

    public bool AtEnd => Position >= Memory.Length;

    public MalformedModuleException Error(string reason, int? offset = null) =>
        new(reason, offset ?? Position, Section);

    public byte ReadByte()
    {
        var span = Memory.Span;
        if ((uint)Position >= (uint)span.Length)
        {
            throw Error(UnexpectedEnd);
        }

        return span[Position++];
    }

    public uint ReadU32()
    {
        try
        {
            var value = Leb128.ReadUnsigned32(Memory.Span[Position..], out var length, Position);
            Position += length;
            return value;
        }
        catch (MalformedModuleException e)
        {
            throw Rethrow(e);
        }
    }

    public int ReadS32()
    {
        try
        {
            var value = Leb128.ReadSigned32(Memory.Span[Position..], out var length, Position);
            Position += length;
            return value;
        }
        catch (MalformedModuleException e)
        {
            throw Rethrow(e);
        }
    }

    /// <summary>
    /// A vector, byte-string, section or body length (§5.1.3). Like the reference interpreter's
    /// <c>len32</c>, it may not exceed the module's total size ("length out of bounds"); a length
    /// within that but past what is left makes decoding run out of bytes ("unexpected end of
    /// section or function"). Either way no count can allocate more than the module's size.
    /// </summary>
    public int ReadLength()
    {
        var start = Position;
        var n = ReadU32();
        if (n > (uint)Memory.Length)
        {
            throw Error("length out of bounds", start);
        }

        return (int)n;
    }

    /// <summary>A section or function body size; same rule as <see cref="ReadLength"/>.</summary>
    public int ReadSize() => ReadLength();

    public ReadOnlyMemory<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Error(UnexpectedEnd);
        }

        var bytes = Memory.Slice(Position, count);
        Position += count;
        return bytes;
    }

    /// <summary>A name (§5.2.4): length-prefixed UTF-8, strictly validated.</summary>
    public string ReadName()
    {
        var length = ReadLength();
        var start = Position;
        var bytes = ReadBytes(length);
        try
        {
            return StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            // The strict decoder rejects overlong forms, surrogates and code points past U+10FFFF.
            throw Error("malformed UTF-8 encoding", start);
        }
    }

    /// <summary>A value type (§5.3.1).</summary>
    public ValType ReadValType()
    {
        var start = Position;
        var b = ReadByte();
        return b switch
        {
            0x7F or 0x7E or 0x7D or 0x7C or 0x70 or 0x6F => (ValType)b,
            0x7B => throw Error("SIMD proposal not supported (value type v128)", start),
            _ => throw Error("malformed value type", start),
        };
    }

    /// <summary>A reference type (§5.3.3): funcref or externref.</summary>
    public ValType ReadRefType()
    {
        var start = Position;
        var b = ReadByte();
        return b switch
        {
            0x70 or 0x6F => (ValType)b,
            _ => throw Error("malformed reference type", start),
        };
    }

    /// <summary>
    /// Limits (§5.3.5). The flag is a 1-bit LEB128 as the reference interpreter reads it; the
    /// threads (shared) and memory64 flag bits are named in the error.
    /// </summary>
    public Limits ReadLimits()
    {
        var start = Position;
        var flag = ReadByte();
        if ((flag & 0x80) != 0)
        {
            throw Error("integer representation too long", start);
        }

        if (flag > 1)
        {
            var detail = flag switch
            {
                2 or 3 => " (shared memory: threads proposal not supported)",
                >= 4 and <= 7 => " (64-bit limits: memory64 proposal not supported)",
                _ => string.Empty,
            };
            throw Error("integer too large" + detail, start);
        }

        var min = ReadU32();
        uint? max = flag == 1 ? ReadU32() : null;
        return new Limits(min, max);
    }

    /// <summary>
    /// A constant expression (§5.4.9): the instructions through the matching <c>end</c>. Only the
    /// extent is found here; which instructions are allowed is the validator's concern.
    /// </summary>
    public ConstExpr ReadConstExpr()
    {
        var start = Position;
        var reader = new CodeReader(Memory.Span[Position..], Position);
        try
        {
            InstructionSkipper.SkipExpression(ref reader);
        }
        catch (MalformedModuleException e)
        {
            throw Rethrow(e);
        }

        Position += reader.Position;
        return new ConstExpr(Memory[start..Position], start);
    }

    /// <summary>Fails with "section size mismatch" unless exactly at <paramref name="end"/>.</summary>
    public void ExpectSectionEnd(int end, int sectionStart)
    {
        if (Position != end)
        {
            throw Error("section size mismatch", sectionStart);
        }
    }

    private MalformedModuleException Rethrow(MalformedModuleException e)
    {
        var reason = e.Reason == "unexpected end" ? UnexpectedEnd : e.Reason;
        return new MalformedModuleException(reason, e.Offset, Section);
    }
}
