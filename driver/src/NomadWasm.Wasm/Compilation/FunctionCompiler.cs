using System.Reflection.Emit;
using NomadWasm.Wasm.Compilation.Emitters;
using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Wasm.Compilation;

/// <summary>
/// Compiles one validated function body to IL in a single pass (Wasm 2.0 §4.4 execution rules,
/// mapped onto the IL evaluation stack). The per-family emitters in Emitters/ do the instructions;
/// this class owns the operand type stack, the control stack, locals and temporaries.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private readonly ModuleCompilation _module;
    private readonly FunctionBody _body;
    private readonly ValType[] _localTypes;
    private readonly LocalBuilder?[] _locals;
    private readonly List<ValType> _stack = [];
    private readonly List<OperandOrigin> _origins = [];
    private readonly List<ControlFrame> _frames = [];
    private readonly Dictionary<Type, Stack<LocalBuilder>> _freeTemps = [];
    private readonly Dictionary<int, LocalBuilder> _globalLocals = [];
    private Label _stackTrap;
    private Label _interruptTrap;
    private bool _interruptTrapUsed;

    public FunctionCompiler(ModuleCompilation module, int functionIndex, ILGenerator il)
    {
        _module = module;
        FunctionIndex = functionIndex;
        IL = il;
        Type = module.FunctionTypes[functionIndex];
        _body = module.Module.Codes[functionIndex - module.Module.ImportedFunctionCount];
        ParameterCount = Type.Parameters.Count;
        ContextArgument = (short)(ParameterCount + Math.Max(0, Type.Results.Count - 1));
        var localCount = (long)ParameterCount;
        foreach (var run in _body.Locals)
        {
            localCount += run.Count;
        }

        if (localCount > 50_000)
        {
            throw new NotSupportedException($"function {FunctionIndex} declares {localCount} locals; at most 50000 are supported");
        }

        _localTypes = new ValType[localCount];
        _locals = new LocalBuilder?[localCount];
        for (var i = 0; i < ParameterCount; i++)
        {
            _localTypes[i] = Type.Parameters[i];
        }

        var next = ParameterCount;
        foreach (var run in _body.Locals)
        {
            for (var i = 0u; i < run.Count; i++)
            {
                _localTypes[next++] = run.Type;
            }
        }
    }

    public ILGenerator IL { get; }

    public int FunctionIndex { get; }

    public FuncType Type { get; }

    public int ParameterCount { get; }

    /// <summary>IL argument index of the instance context (the last parameter).</summary>
    public short ContextArgument { get; }

    public ModuleCompilation Module => _module;

    /// <summary>The instance's memory 0 (a local loaded once on entry), or null if the module has none.</summary>
    public LocalBuilder? MemoryLocal { get; private set; }

    /// <summary>Memory 0's base address (never changes while the memory lives).</summary>
    public LocalBuilder? BaseLocal { get; private set; }

    public LocalBuilder StoreLocal { get; private set; } = null!;

    public ControlFrame CurrentFrame => _frames[^1];

    public int FrameCount => _frames.Count;

    public void Compile()
    {
        var usage = BodyScanner.Scan(_body);
        EmitPrologue(usage);
        _frames.Add(new ControlFrame
        {
            Kind = FrameKind.Function,
            Parameters = [],
            Results = [.. Type.Results],
            Height = 0,
            BranchTarget = IL.DefineLabel(),
        });

        var reader = new CodeReader(_body.Code.Span, _body.CodeOffset);
        while (_frames.Count > 0)
        {
            if (CurrentFrame.Unreachable)
            {
                // Closing the dead frame may leave its parent dead too, so check again each round.
                SkipUnreachable(ref reader);
                continue;
            }

            EmitInstruction(reader.ReadOpcode(), ref reader);
        }

        EmitTrapStubs();
    }

    private void EmitPrologue(BodyUsage usage)
    {
        StoreLocal = IL.DeclareLocal(typeof(Store));
        EmitLoadContext();
        IL.Emit(OpCodes.Ldfld, RuntimeMethods.ContextStore);
        IL.Emit(OpCodes.Stloc, StoreLocal);

        // Stack guard: compare the address of a local with the limit the host-to-guest entry stored
        // in the store (a plain field: a thread-static costs a helper call in collectible code).
        _stackTrap = IL.DefineLabel();
        var marker = IL.DeclareLocal(typeof(byte));
        IL.Emit(OpCodes.Ldloca, marker);
        IL.Emit(OpCodes.Conv_U);
        IL.Emit(OpCodes.Ldloc, StoreLocal);
        IL.Emit(OpCodes.Ldfld, RuntimeMethods.StoreStackLimit);
        IL.Emit(OpCodes.Blt_Un, _stackTrap);

        _interruptTrap = IL.DefineLabel();
        EmitInterruptCheck();

        if (usage.UsesMemory && _module.Module.TotalMemoryCount > 0)
        {
            MemoryLocal = IL.DeclareLocal(typeof(Memory));
            BaseLocal = IL.DeclareLocal(typeof(nint));
            EmitLoadContext();
            IL.Emit(OpCodes.Ldfld, RuntimeMethods.ContextMemory0);
            IL.Emit(OpCodes.Dup);
            IL.Emit(OpCodes.Stloc, MemoryLocal);
            IL.Emit(OpCodes.Ldfld, RuntimeMethods.MemoryBase);
            IL.Emit(OpCodes.Stloc, BaseLocal);
        }

        foreach (var global in usage.Globals)
        {
            if (VariableEmitter.IsConstantGlobal(this, global, out _))
            {
                continue;
            }

            var local = IL.DeclareLocal(typeof(Runtime.Global));
            EmitLoadContext();
            IL.Emit(OpCodes.Ldfld, RuntimeMethods.ContextGlobals);
            IlHelpers.EmitLoadInt(IL, global);
            IL.Emit(OpCodes.Ldelem_Ref);
            IL.Emit(OpCodes.Stloc, local);
            _globalLocals[global] = local;
        }
    }

    /// <summary>The local caching global <paramref name="index"/>'s cell.</summary>
    public LocalBuilder GlobalLocal(int index) => _globalLocals[index];

    /// <summary>Traps with "interrupted" if the store asked for it (function entry, loop headers).</summary>
    public void EmitInterruptCheck()
    {
        if (_stack.Count == 0)
        {
            // Empty stack: branch to the function's shared stub.
            _interruptTrapUsed = true;
            IL.Emit(OpCodes.Ldloc, StoreLocal);
            IL.Emit(OpCodes.Volatile);
            IL.Emit(OpCodes.Ldfld, RuntimeMethods.StoreInterrupt);
            IL.Emit(OpCodes.Brtrue, _interruptTrap);
        }
        else
        {
            IL.Emit(OpCodes.Ldloc, StoreLocal);
            EmitLoadContext();
            EmitLoadFunctionIndex();
            IL.Emit(OpCodes.Call, RuntimeMethods.CheckInterrupt);
        }
    }

    private void EmitTrapStubs()
    {
        IL.MarkLabel(_stackTrap);
        EmitLoadContext();
        EmitLoadFunctionIndex();
        IL.Emit(OpCodes.Call, RuntimeMethods.TrapStackExhausted);
        IL.Emit(OpCodes.Ldnull);
        IL.Emit(OpCodes.Throw);
        if (_interruptTrapUsed)
        {
            IL.MarkLabel(_interruptTrap);
            EmitLoadContext();
            EmitLoadFunctionIndex();
            IL.Emit(OpCodes.Call, RuntimeMethods.TrapInterrupted);
            IL.Emit(OpCodes.Ldnull);
            IL.Emit(OpCodes.Throw);
        }
    }

    private void EmitInstruction(Opcode op, ref CodeReader reader)
    {
        var handled = op switch
        {
            <= Opcode.CallIndirect or Opcode.Drop or Opcode.Select or Opcode.SelectTyped => ControlEmitter.Emit(this, op, ref reader),
            >= Opcode.LocalGet and <= Opcode.GlobalSet => VariableEmitter.Emit(this, op, ref reader),
            Opcode.TableGet or Opcode.TableSet or Opcode.RefNull or Opcode.RefIsNull or Opcode.RefFunc => TableEmitter.Emit(this, op, ref reader),
            >= Opcode.I32Load and <= Opcode.MemoryGrow => MemoryEmitter.Emit(this, op, ref reader),
            >= Opcode.I32Const and <= Opcode.F64Copysign => NumericEmitter.Emit(this, op, ref reader),
            >= Opcode.I32Extend8S and <= Opcode.I64Extend32S => NumericEmitter.Emit(this, op, ref reader),
            >= Opcode.I32WrapI64 and <= Opcode.F64ReinterpretI64 => ConversionEmitter.Emit(this, op),
            Opcode.MiscPrefix => EmitMisc((MiscOpcode)reader.ReadVarU32(), ref reader),
            _ => false,
        };
        if (!handled)
        {
            throw new NotSupportedException($"opcode 0x{(byte)op:x2} in function {FunctionIndex} at offset {reader.Offset - 1} is not supported");
        }
    }

    private bool EmitMisc(MiscOpcode op, ref CodeReader reader) => op switch
    {
        <= MiscOpcode.I64TruncSatF64U => ConversionEmitter.EmitSaturating(this, op),
        MiscOpcode.MemoryInit or MiscOpcode.DataDrop or MiscOpcode.MemoryCopy or MiscOpcode.MemoryFill => MemoryEmitter.EmitBulk(this, op, ref reader),
        _ => TableEmitter.EmitMisc(this, op, ref reader),
    };

    /// <summary>Skips dead code up to the else/end that closes the current frame, then handles that.</summary>
    private void SkipUnreachable(ref CodeReader reader)
    {
        var depth = 0;
        while (true)
        {
            var op = reader.ReadOpcode();
            switch (op)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    InstructionSkipper.SkipImmediates(ref reader, op, reader.Offset);
                    depth++;
                    break;
                case Opcode.End when depth > 0:
                    depth--;
                    break;
                case Opcode.End:
                    ControlEmitter.EmitEnd(this);
                    return;
                case Opcode.Else when depth == 0:
                    ControlEmitter.EmitElse(this);
                    return;
                default:
                    InstructionSkipper.SkipImmediates(ref reader, op, reader.Offset);
                    break;
            }
        }
    }

    public void EmitLoadContext() => IL.Emit(OpCodes.Ldarg, ContextArgument);

    public void EmitLoadFunctionIndex() => IlHelpers.EmitLoadInt(IL, FunctionIndex);

    public ValType LocalType(int index) => _localTypes[index];

    /// <summary>The IL local of wasm local <paramref name="index"/> (null for parameters, which are IL arguments).</summary>
    public LocalBuilder? Local(int index)
    {
        if (index < ParameterCount)
        {
            return null;
        }

        return _locals[index] ??= IL.DeclareLocal(ClrTypes.Of(_localTypes[index]));
    }
}
