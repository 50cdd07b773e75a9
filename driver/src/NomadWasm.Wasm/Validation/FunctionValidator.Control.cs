using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Validation;

/// <summary>Control instructions (Wasm 2.0 §3.3.8).</summary>
internal sealed partial class FunctionValidator
{
    private void ValidateControl(ref CodeReader reader, Opcode op)
    {
        switch (op)
        {
            case Opcode.Unreachable:
                SetUnreachable();
                break;
            case Opcode.Nop:
                break;
            case Opcode.Block or Opcode.Loop:
                {
                    var signature = ReadBlockSignature(ref reader);
                    PopParameters(signature);
                    PushFrame(op == Opcode.Block ? FrameKind.Block : FrameKind.Loop, signature);
                    break;
                }

            case Opcode.If:
                {
                    var signature = ReadBlockSignature(ref reader);
                    Pop(ValType.I32);
                    PopParameters(signature);
                    PushFrame(FrameKind.If, signature);
                    break;
                }

            case Opcode.Else:
                {
                    if (_frames[_frameCount - 1].Kind != FrameKind.If)
                    {
                        throw new MalformedModuleException("END opcode expected", _instructionOffset, "code");
                    }

                    var frame = PopFrame();
                    PushFrame(FrameKind.Else, frame.Signature);
                    break;
                }

            case Opcode.End:
                {
                    var frame = PopFrame();
                    if (frame.Kind == FrameKind.If && !ParametersEqualResults(frame.Signature))
                    {
                        // An if without else has an empty else branch, which only type-checks as [t*] -> [t*].
                        Fail("type mismatch");
                    }

                    if (frame.Kind != FrameKind.Function)
                    {
                        PushResults(frame.Signature);
                    }

                    break;
                }

            case Opcode.Br:
                {
                    var depth = ReadLabel(ref reader);
                    PopLabelTypes(depth);
                    SetUnreachable();
                    break;
                }

            case Opcode.BrIf:
                {
                    var depth = ReadLabel(ref reader);
                    Pop(ValType.I32);
                    PopLabelTypes(depth);
                    PushLabelTypes(depth);
                    break;
                }

            case Opcode.BrTable:
                ValidateBrTable(ref reader);
                break;
            case Opcode.Return:
                PopResults(_frames[0].Signature);
                SetUnreachable();
                break;
            case Opcode.Call:
                {
                    var index = reader.ReadVarU32();
                    if (index >= (uint)_context.Functions.Length)
                    {
                        Fail($"unknown function {index}");
                    }

                    ApplyCall(_context.Functions[index]);
                    break;
                }

            case Opcode.CallIndirect:
                {
                    var typeIndex = reader.ReadVarU32();
                    var tableIndex = reader.ReadVarU32();
                    CheckTable(tableIndex);
                    if (_context.Tables[tableIndex].ElementType != ValType.FuncRef)
                    {
                        Fail("type mismatch");
                    }

                    var type = _context.TypeAt(typeIndex, _instructionOffset, _functionIndex);
                    Pop(ValType.I32);
                    ApplyCall(type);
                    break;
                }

            default:
                throw UnsupportedOpcodes.Illegal((byte)op, _instructionOffset);
        }
    }

    private static bool ParametersEqualResults(BlockSignature signature)
    {
        if (signature.ParameterCount != signature.ResultCount)
        {
            return false;
        }

        for (var i = 0; i < signature.ParameterCount; i++)
        {
            if (signature.Parameter(i) != signature.Result(i))
            {
                return false;
            }
        }

        return true;
    }

    private void ApplyCall(FuncType type)
    {
        for (var i = type.Parameters.Count - 1; i >= 0; i--)
        {
            Pop(type.Parameters[i]);
        }

        foreach (var result in type.Results)
        {
            Push(result);
        }
    }

    private BlockSignature ReadBlockSignature(ref CodeReader reader)
    {
        var value = InstructionSkipper.ReadBlockType(ref reader);
        if (value == -0x40)
        {
            return new BlockSignature(null, Unknown);
        }

        if (value < 0)
        {
            return new BlockSignature(null, (ValType)(byte)(value & 0x7F));
        }

        if (value >= _context.Module.Types.Length)
        {
            Fail($"unknown type {value}");
        }

        return new BlockSignature(_context.Module.Types[value], Unknown);
    }

    /// <summary>Reads a label index and returns it as a frame position (0 = innermost).</summary>
    private int ReadLabel(ref CodeReader reader)
    {
        var depth = reader.ReadVarU32();
        if (depth >= (uint)_frameCount)
        {
            Fail($"unknown label {depth}");
        }

        return (int)depth;
    }

    private ref Frame LabelFrame(int depth) => ref _frames[_frameCount - 1 - depth];

    private void PopLabelTypes(int depth)
    {
        ref var frame = ref LabelFrame(depth);
        for (var i = frame.LabelArity - 1; i >= 0; i--)
        {
            Pop(frame.LabelType(i));
        }
    }

    private void PushLabelTypes(int depth)
    {
        ref var frame = ref LabelFrame(depth);
        for (var i = 0; i < frame.LabelArity; i++)
        {
            Push(frame.LabelType(i));
        }
    }

    /// <summary>br_table (§3.3.8.8 and Appendix A.3): every target must have the default's arity and accept the operands.</summary>
    private void ValidateBrTable(ref CodeReader reader)
    {
        var count = reader.ReadVarU32();
        var targetsStart = reader;
        for (var i = 0u; i < count; i++)
        {
            ReadLabel(ref reader);
        }

        var defaultDepth = ReadLabel(ref reader);
        Pop(ValType.I32);
        var arity = LabelFrame(defaultDepth).LabelArity;
        for (var i = 0u; i < count; i++)
        {
            var depth = (int)targetsStart.ReadVarU32();
            ref var frame = ref LabelFrame(depth);
            if (frame.LabelArity != arity)
            {
                Fail("type mismatch");
            }

            // pop_vals then push_vals of the same label types: what was popped goes back unchanged.
            if (_scratch.Length < arity)
            {
                _scratch = new ValType[arity];
            }

            for (var k = arity - 1; k >= 0; k--)
            {
                _scratch[k] = Pop(frame.LabelType(k));
            }

            for (var k = 0; k < arity; k++)
            {
                Push(_scratch[k]);
            }
        }

        PopLabelTypes(defaultDepth);
        SetUnreachable();
    }

    private void CheckTable(uint index)
    {
        if (index >= (uint)_context.Tables.Length)
        {
            Fail($"unknown table {index}");
        }
    }
}
