using System.Reflection.Emit;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation;

/// <summary>The operand type stack, control stack and temporaries of <see cref="FunctionCompiler"/>.</summary>
internal sealed partial class FunctionCompiler
{
    public int StackHeight => _stack.Count;

    public void Push(ValType type, OperandOrigin origin = OperandOrigin.Other)
    {
        _stack.Add(type);
        _origins.Add(origin);
    }

    public ValType Pop()
    {
        var type = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _origins.RemoveAt(_origins.Count - 1);
        return type;
    }

    public void Pop(int count)
    {
        _stack.RemoveRange(_stack.Count - count, count);
        _origins.RemoveRange(_origins.Count - count, count);
    }

    /// <summary>How the operand <paramref name="depth"/> entries below the top was produced (0 = top).</summary>
    public OperandOrigin PeekOrigin(int depth = 0) => _origins[_origins.Count - 1 - depth];

    /// <summary>The type <paramref name="depth"/> entries below the top (0 = top).</summary>
    public ValType Peek(int depth = 0) => _stack[_stack.Count - 1 - depth];

    /// <summary>Drops the model stack back to <paramref name="height"/>.</summary>
    public void TruncateStack(int height)
    {
        _stack.RemoveRange(height, _stack.Count - height);
        _origins.RemoveRange(height, _origins.Count - height);
    }

    public void PushFrame(ControlFrame frame) => _frames.Add(frame);

    public ControlFrame PopFrame()
    {
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        return frame;
    }

    /// <summary>The frame <paramref name="depth"/> levels out (0 = innermost), as a branch label names it.</summary>
    public ControlFrame Frame(int depth) => _frames[_frames.Count - 1 - depth];

    public ControlFrame FunctionFrame => _frames[0];

    public LocalBuilder RentTemp(Type type)
    {
        if (_freeTemps.TryGetValue(type, out var free) && free.Count > 0)
        {
            return free.Pop();
        }

        return IL.DeclareLocal(type);
    }

    public LocalBuilder RentTemp(ValType type) => RentTemp(ClrTypes.Of(type));

    public void ReturnTemp(LocalBuilder local)
    {
        if (!_freeTemps.TryGetValue(local.LocalType, out var free))
        {
            free = new Stack<LocalBuilder>();
            _freeTemps[local.LocalType] = free;
        }

        free.Push(local);
    }

    /// <summary>
    /// Branches to <paramref name="target"/> carrying its label's values. Operands between the
    /// target's height and those values are dropped first (spilled values are reloaded), because
    /// IL needs the same stack depth at every branch to a label. The model stack is unchanged.
    /// </summary>
    public void EmitBranch(ControlFrame target)
    {
        var types = target.BranchTypes;
        var extras = _stack.Count - target.Height - types.Length;
        if (extras > 0)
        {
            var temps = new LocalBuilder[types.Length];
            for (var i = types.Length - 1; i >= 0; i--)
            {
                temps[i] = RentTemp(types[i]);
                IL.Emit(OpCodes.Stloc, temps[i]);
            }

            for (var i = 0; i < extras; i++)
            {
                IL.Emit(OpCodes.Pop);
            }

            foreach (var temp in temps)
            {
                IL.Emit(OpCodes.Ldloc, temp);
                ReturnTemp(temp);
            }
        }

        IL.Emit(OpCodes.Br, target.BranchTarget);
        if (target.Kind != FrameKind.Loop)
        {
            target.EndTargeted = true;
        }
    }

    /// <summary>True if a branch to <paramref name="target"/> needs no stack adjustment.</summary>
    public bool BranchIsDirect(ControlFrame target) => _stack.Count == target.Height + target.BranchTypes.Length;
}
