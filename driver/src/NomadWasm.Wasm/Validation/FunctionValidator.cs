using System.Diagnostics.CodeAnalysis;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>
/// Validates function bodies in one forward pass (the algorithm of Wasm 2.0 Appendix A.3): an
/// operand stack of value types (<see cref="Unknown"/> below a polymorphic, unreachable frame)
/// and a control stack of frames. One instance is reused for every function of a module, so its
/// arrays grow to the largest function once and are not reallocated.
/// The opcode switch is split by family into partial files (Control, Variables, Memory, Numeric,
/// Misc); a SIMD family would be one more file behind the 0xFD prefix.
/// </summary>
internal sealed partial class FunctionValidator
{
    /// <summary>The bottom type: what popping from a polymorphic stack yields.</summary>
    private const ValType Unknown = 0;

    private readonly ModuleContext _context;
    private ValType[] _locals = new ValType[32];
    private int _localCount;
    private ValType[] _stack = new ValType[64];
    private int _stackSize;
    private Frame[] _frames = new Frame[16];
    private int _frameCount;
    private ValType[] _scratch = new ValType[16];
    private int _functionIndex;
    private int _instructionOffset;

    public FunctionValidator(ModuleContext context)
    {
        _context = context;
    }

    private enum FrameKind : byte
    {
        Function,
        Block,
        Loop,
        If,
        Else,
    }

    public void Validate(int functionIndex, FuncType type, FunctionBody body)
    {
        _functionIndex = functionIndex;
        _stackSize = 0;
        _frameCount = 0;
        SetUpLocals(type, body);

        var reader = new CodeReader(body.Code.Span, body.CodeOffset);
        PushFrame(FrameKind.Function, new BlockSignature(type, Unknown));
        while (_frameCount > 0)
        {
            _instructionOffset = reader.Offset;
            var op = reader.ReadOpcode();
            switch (op)
            {
                case <= Opcode.CallIndirect:
                    ValidateControl(ref reader, op);
                    break;
                case Opcode.Drop or Opcode.Select or Opcode.SelectTyped:
                    ValidateParametric(ref reader, op);
                    break;
                case >= Opcode.LocalGet and <= Opcode.TableSet:
                    ValidateVariable(ref reader, op);
                    break;
                case >= Opcode.I32Load and <= Opcode.MemoryGrow:
                    ValidateMemory(ref reader, op);
                    break;
                case >= Opcode.I32Const and <= Opcode.I64Extend32S:
                    ValidateNumeric(ref reader, op);
                    break;
                case >= Opcode.RefNull and <= Opcode.RefFunc:
                    ValidateReference(ref reader, op);
                    break;
                case Opcode.MiscPrefix:
                    ValidateMisc(ref reader);
                    break;
                case Opcode.SimdPrefix:
                    throw UnsupportedOpcodes.Simd(reader.ReadVarU32(), _instructionOffset);
                default:
                    throw UnsupportedOpcodes.Illegal((byte)op, _instructionOffset);
            }
        }

        if (!reader.AtEnd)
        {
            throw new MalformedModuleException("section size mismatch", reader.Offset, "code");
        }
    }

    private void SetUpLocals(FuncType type, FunctionBody body)
    {
        ulong total = (ulong)type.Parameters.Count;
        foreach (var run in body.Locals)
        {
            total += run.Count;
        }

        if (total > CodeSection.MaxLocals + (ulong)type.Parameters.Count)
        {
            throw new MalformedModuleException("too many locals", body.CodeOffset, "code");
        }

        if ((ulong)_locals.Length < total)
        {
            _locals = new ValType[(int)total];
        }

        var n = 0;
        foreach (var p in type.Parameters)
        {
            _locals[n++] = p;
        }

        foreach (var run in body.Locals)
        {
            _locals.AsSpan(n, (int)run.Count).Fill(run.Type);
            n += (int)run.Count;
        }

        _localCount = n;
    }

    [DoesNotReturn]
    private void Fail(string reason) => throw new InvalidModuleException(reason, _instructionOffset, _functionIndex);

    private void Push(ValType type)
    {
        if (_stackSize == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_stackSize++] = type;
    }

    private ValType Pop()
    {
        ref var frame = ref _frames[_frameCount - 1];
        if (_stackSize == frame.Height)
        {
            if (frame.Unreachable)
            {
                return Unknown;
            }

            Fail("type mismatch");
        }

        return _stack[--_stackSize];
    }

    private ValType Pop(ValType expected)
    {
        var actual = Pop();
        if (actual != expected && actual != Unknown && expected != Unknown)
        {
            Fail("type mismatch");
        }

        return actual;
    }

    /// <summary>Pops a funcref or externref (or Unknown); fails on a number type.</summary>
    private ValType PopReference()
    {
        var actual = Pop();
        if (actual != Unknown && !actual.IsReference())
        {
            Fail("type mismatch");
        }

        return actual;
    }

    private void PopResults(BlockSignature signature)
    {
        for (var i = signature.ResultCount - 1; i >= 0; i--)
        {
            Pop(signature.Result(i));
        }
    }

    private void PopParameters(BlockSignature signature)
    {
        for (var i = signature.ParameterCount - 1; i >= 0; i--)
        {
            Pop(signature.Parameter(i));
        }
    }

    private void PushParameters(BlockSignature signature)
    {
        for (var i = 0; i < signature.ParameterCount; i++)
        {
            Push(signature.Parameter(i));
        }
    }

    private void PushResults(BlockSignature signature)
    {
        for (var i = 0; i < signature.ResultCount; i++)
        {
            Push(signature.Result(i));
        }
    }

    private void PushFrame(FrameKind kind, BlockSignature signature)
    {
        if (_frameCount == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_frameCount++] = new Frame { Kind = kind, Signature = signature, Height = _stackSize };
        if (kind != FrameKind.Function)
        {
            PushParameters(signature);
        }
    }

    /// <summary>Checks the frame's results are exactly what is on its part of the stack, then drops the frame.</summary>
    private Frame PopFrame()
    {
        var frame = _frames[_frameCount - 1];
        PopResults(frame.Signature);
        if (_stackSize != frame.Height)
        {
            Fail("type mismatch");
        }

        _frameCount--;
        return frame;
    }

    private void SetUnreachable()
    {
        ref var frame = ref _frames[_frameCount - 1];
        _stackSize = frame.Height;
        frame.Unreachable = true;
    }

    private struct Frame
    {
        public FrameKind Kind;
        public BlockSignature Signature;
        public int Height;
        public bool Unreachable;

        public readonly int LabelArity => Kind == FrameKind.Loop ? Signature.ParameterCount : Signature.ResultCount;

        public readonly ValType LabelType(int i) => Kind == FrameKind.Loop ? Signature.Parameter(i) : Signature.Result(i);
    }

    /// <summary>A block type (§3.2.4, §5.4.1): empty, one result type, or a function type.</summary>
    private readonly struct BlockSignature(FuncType? type, ValType single)
    {
        public FuncType? Type { get; } = type;

        public int ParameterCount => Type?.Parameters.Count ?? 0;

        public int ResultCount => Type is { } t ? t.Results.Count : single == Unknown ? 0 : 1;

        public ValType Parameter(int i) => Type!.Parameters[i];

        public ValType Result(int i) => Type is { } t ? t.Results[i] : single;
    }
}
