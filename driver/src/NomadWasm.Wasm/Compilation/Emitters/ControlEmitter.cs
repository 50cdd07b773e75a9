using System.Reflection;
using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Support;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation.Emitters;

/// <summary>
/// Control instructions (Wasm 2.0 §4.4.8) plus drop/select: structured blocks become IL labels,
/// br/br_if/br_table become IL branches that carry the label's values on the IL stack.
/// </summary>
internal static class ControlEmitter
{
    public static bool Emit(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var il = c.IL;
        switch (op)
        {
            case Opcode.Unreachable:
                c.EmitLoadContext();
                c.EmitLoadFunctionIndex();
                il.Emit(OpCodes.Call, RuntimeMethods.TrapUnreachable);
                il.Emit(OpCodes.Ldnull);
                il.Emit(OpCodes.Throw);
                MarkUnreachable(c);
                return true;
            case Opcode.Nop:
                return true;
            case Opcode.Block or Opcode.Loop or Opcode.If:
                EmitBlock(c, op, ref reader);
                return true;
            case Opcode.Else:
                EmitElse(c);
                return true;
            case Opcode.End:
                EmitEnd(c);
                return true;
            case Opcode.Br:
                c.EmitBranch(c.Frame((int)reader.ReadVarU32()));
                MarkUnreachable(c);
                return true;
            case Opcode.BrIf:
                EmitBrIf(c, c.Frame((int)reader.ReadVarU32()));
                return true;
            case Opcode.BrTable:
                EmitBrTable(c, ref reader);
                return true;
            case Opcode.Return:
                c.EmitBranch(c.FunctionFrame);
                MarkUnreachable(c);
                return true;
            case Opcode.Call:
                CallEmitter.EmitCall(c, (int)reader.ReadVarU32());
                return true;
            case Opcode.CallIndirect:
                var typeIndex = (int)reader.ReadVarU32();
                var tableIndex = (int)reader.ReadVarU32();
                CallEmitter.EmitCallIndirect(c, typeIndex, tableIndex);
                return true;
            case Opcode.Drop:
                c.Pop();
                il.Emit(OpCodes.Pop);
                return true;
            case Opcode.Select or Opcode.SelectTyped:
                if (op == Opcode.SelectTyped)
                {
                    InstructionSkipper.SkipImmediates(ref reader, op, reader.Offset);
                }

                c.Pop();
                c.Pop();
                var type = c.Pop();
                il.Emit(OpCodes.Call, SelectMethod(type));
                c.Push(type);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The rest of the current frame is dead: the model stack drops to the frame's height.</summary>
    public static void MarkUnreachable(FunctionCompiler c)
    {
        var frame = c.CurrentFrame;
        frame.Unreachable = true;
        c.TruncateStack(frame.Height);
    }

    public static void EmitElse(FunctionCompiler c)
    {
        var frame = c.CurrentFrame;
        if (!frame.Unreachable)
        {
            c.EmitBranch(frame);
        }

        c.IL.MarkLabel(frame.ElseLabel);
        c.TruncateStack(frame.Height);
        foreach (var p in frame.Parameters)
        {
            c.Push(p);
        }

        frame.Kind = FrameKind.Else;
        frame.Unreachable = false;
    }

    public static void EmitEnd(FunctionCompiler c)
    {
        var frame = c.PopFrame();
        var il = c.IL;
        var reachable = !frame.Unreachable || frame.EndTargeted;
        if (frame.Kind == FrameKind.If)
        {
            // No else: a false condition goes straight to the end with the parameters (= results).
            il.MarkLabel(frame.ElseLabel);
            reachable = true;
        }

        if (frame.Kind is FrameKind.Block or FrameKind.If or FrameKind.Else)
        {
            il.MarkLabel(frame.BranchTarget);
        }

        c.TruncateStack(frame.Height);
        foreach (var r in frame.Results)
        {
            c.Push(r);
        }

        if (frame.Kind == FrameKind.Function)
        {
            if (reachable)
            {
                il.MarkLabel(frame.BranchTarget);
                EmitReturn(c);
            }

            return;
        }

        if (!reachable)
        {
            MarkUnreachable(c);
        }
    }

    private static void EmitReturn(FunctionCompiler c)
    {
        var il = c.IL;
        var results = c.Type.Results;
        var temps = new LocalBuilder[results.Count];
        for (var i = results.Count - 1; i >= 1; i--)
        {
            temps[i] = c.RentTemp(results[i]);
            il.Emit(OpCodes.Stloc, temps[i]);
        }

        for (var i = 1; i < results.Count; i++)
        {
            il.Emit(OpCodes.Ldarg, (short)(c.ParameterCount + i - 1));
            il.Emit(OpCodes.Ldloc, temps[i]);
            IlHelpers.EmitStoreIndirect(il, results[i]);
            c.ReturnTemp(temps[i]);
        }

        il.Emit(OpCodes.Ret);
    }

    private static void EmitBlock(FunctionCompiler c, Opcode op, ref CodeReader reader)
    {
        var (parameters, results) = ReadBlockType(c, ref reader);
        var il = c.IL;
        if (op == Opcode.If)
        {
            c.Pop();
        }

        var height = c.StackHeight - parameters.Length;
        var kind = op switch
        {
            Opcode.Loop => FrameKind.Loop,
            Opcode.If => FrameKind.If,
            _ => FrameKind.Block,
        };
        var frame = new ControlFrame
        {
            Kind = kind,
            Parameters = parameters,
            Results = results,
            Height = height,
            BranchTarget = il.DefineLabel(),
            ElseLabel = kind == FrameKind.If ? il.DefineLabel() : default,
        };
        if (kind == FrameKind.If)
        {
            il.Emit(OpCodes.Brfalse, frame.ElseLabel);
        }

        c.PushFrame(frame);
        if (kind == FrameKind.Loop)
        {
            il.MarkLabel(frame.BranchTarget);
            c.EmitInterruptCheck();
        }
    }

    private static void EmitBrIf(FunctionCompiler c, ControlFrame target)
    {
        var il = c.IL;
        c.Pop();
        if (c.BranchIsDirect(target))
        {
            il.Emit(OpCodes.Brtrue, target.BranchTarget);
            if (target.Kind != FrameKind.Loop)
            {
                target.EndTargeted = true;
            }

            return;
        }

        var skip = il.DefineLabel();
        il.Emit(OpCodes.Brfalse, skip);
        c.EmitBranch(target);
        il.MarkLabel(skip);
    }

    private static void EmitBrTable(FunctionCompiler c, ref CodeReader reader)
    {
        var il = c.IL;
        var count = (int)reader.ReadVarU32();
        var depths = new int[count];
        for (var i = 0; i < count; i++)
        {
            depths[i] = (int)reader.ReadVarU32();
        }

        var defaultDepth = (int)reader.ReadVarU32();
        c.Pop();
        var labels = new Label[count];
        var pads = new List<(Label Pad, ControlFrame Target)>();
        var padByDepth = new Dictionary<int, Label>();
        for (var i = 0; i < count; i++)
        {
            var target = c.Frame(depths[i]);
            if (c.BranchIsDirect(target))
            {
                labels[i] = target.BranchTarget;
                if (target.Kind != FrameKind.Loop)
                {
                    target.EndTargeted = true;
                }
            }
            else
            {
                if (!padByDepth.TryGetValue(depths[i], out var pad))
                {
                    pad = il.DefineLabel();
                    padByDepth[depths[i]] = pad;
                    pads.Add((pad, target));
                }

                labels[i] = pad;
            }
        }

        if (count > 0)
        {
            il.Emit(OpCodes.Switch, labels);
        }
        else
        {
            il.Emit(OpCodes.Pop); // only a default target: the index is not needed
        }

        c.EmitBranch(c.Frame(defaultDepth));
        foreach (var (pad, target) in pads)
        {
            il.MarkLabel(pad);
            c.EmitBranch(target);
        }

        MarkUnreachable(c);
    }

    private static (ValType[] Parameters, ValType[] Results) ReadBlockType(FunctionCompiler c, ref CodeReader reader)
    {
        var blockType = reader.ReadVarS33();
        if (blockType == -64)
        {
            return ([], []);
        }

        if (blockType < 0)
        {
            return ([], [(ValType)(byte)(blockType & 0x7F)]);
        }

        var type = c.Module.Module.Types[blockType];
        return ([.. type.Parameters], [.. type.Results]);
    }

    private static MethodInfo SelectMethod(ValType type) => RuntimeMethods.Support(typeof(StackOps), type switch
    {
        ValType.I32 => nameof(StackOps.SelectI32),
        ValType.I64 => nameof(StackOps.SelectI64),
        ValType.F32 => nameof(StackOps.SelectF32),
        ValType.F64 => nameof(StackOps.SelectF64),
        _ => nameof(StackOps.SelectRef),
    });
}
