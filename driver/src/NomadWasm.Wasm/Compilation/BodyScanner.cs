using NomadWasm.Wasm.Decoding;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation;

/// <summary>What a function body touches, so the prologue loads only what is used.</summary>
internal sealed class BodyUsage
{
    public bool UsesMemory { get; set; }

    public SortedSet<int> Globals { get; } = [];
}

/// <summary>One quick pass over a body before compiling it.</summary>
internal static class BodyScanner
{
    public static BodyUsage Scan(FunctionBody body)
    {
        var usage = new BodyUsage();
        var reader = new CodeReader(body.Code.Span, body.CodeOffset);
        while (!reader.AtEnd)
        {
            var op = reader.ReadOpcode();
            switch (op)
            {
                case Opcode.GlobalGet or Opcode.GlobalSet:
                    usage.Globals.Add((int)reader.ReadVarU32());
                    break;
                case >= Opcode.I32Load and <= Opcode.MemoryGrow:
                    usage.UsesMemory = true;
                    InstructionSkipper.SkipImmediates(ref reader, op, reader.Offset);
                    break;
                case Opcode.MiscPrefix:
                    var misc = (MiscOpcode)reader.ReadVarU32();
                    if (misc is MiscOpcode.MemoryInit or MiscOpcode.MemoryCopy or MiscOpcode.MemoryFill)
                    {
                        usage.UsesMemory = true;
                    }

                    InstructionSkipper.SkipMiscImmediates(ref reader, (uint)misc, reader.Offset);
                    break;
                default:
                    InstructionSkipper.SkipImmediates(ref reader, op, reader.Offset);
                    break;
            }
        }

        return usage;
    }
}
