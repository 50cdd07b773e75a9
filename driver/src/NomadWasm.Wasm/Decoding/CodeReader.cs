using System.Buffers.Binary;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Forward-only reader of a function body or constant expression: opcodes and their immediates
/// (Wasm 2.0 §5.4). Shared by validation and compilation so both read instructions the same way.
/// Reading past the end throws <see cref="MalformedModuleException"/> naming the absolute offset.
/// </summary>
public ref struct CodeReader
{
    private readonly ReadOnlySpan<byte> _code;
    private readonly int _baseOffset;
    private int _position;

    /// <param name="code">The bytes to read.</param>
    /// <param name="baseOffset">Absolute module offset of <paramref name="code"/>[0], for errors.</param>
    public CodeReader(ReadOnlySpan<byte> code, int baseOffset)
    {
        _code = code;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>Position relative to the start of the code.</summary>
    public readonly int Position => _position;

    /// <summary>Absolute module offset of the next byte.</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly bool AtEnd => _position >= _code.Length;

    public byte ReadByte()
    {
        if ((uint)_position >= (uint)_code.Length)
        {
            ThrowUnexpectedEnd();
        }

        return _code[_position++];
    }

    public Opcode ReadOpcode() => (Opcode)ReadByte();

    public uint ReadVarU32()
    {
        var result = Leb128.ReadUnsigned32(_code[_position..], out var length, Offset);
        _position += length;
        return result;
    }

    public int ReadVarS32()
    {
        var result = Leb128.ReadSigned32(_code[_position..], out var length, Offset);
        _position += length;
        return result;
    }

    public long ReadVarS64()
    {
        var result = Leb128.ReadSigned64(_code[_position..], out var length, Offset);
        _position += length;
        return result;
    }

    /// <summary>Reads a signed 33-bit LEB128 (block types, §5.4.1).</summary>
    public long ReadVarS33()
    {
        var result = Leb128.ReadSigned33(_code[_position..], out var length, Offset);
        _position += length;
        return result;
    }

    /// <summary>Raw IEEE-754 bits of an f32 immediate (kept as bits so NaN payloads survive).</summary>
    public uint ReadF32Bits() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Raw IEEE-754 bits of an f64 immediate.</summary>
    public ulong ReadF64Bits() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>A memarg (§5.4.6): alignment exponent, then offset.</summary>
    public (uint Align, uint Offset) ReadMemArg()
    {
        var align = ReadVarU32();
        var offset = ReadVarU32();
        return (align, offset);
    }

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _code.Length - _position < count)
        {
            ThrowUnexpectedEnd();
        }

        var span = _code.Slice(_position, count);
        _position += count;
        return span;
    }

    private readonly void ThrowUnexpectedEnd() =>
        throw new MalformedModuleException("unexpected end of section or function", Offset);
}
