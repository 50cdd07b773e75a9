using System.Reflection.Emit;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Compilation;

internal enum FrameKind
{
    Function,
    Block,
    Loop,
    If,
    Else,
}

/// <summary>
/// One entry of the compiler's control stack (Wasm 2.0 §3.3.5 "control frames"). The wasm operand
/// stack is the IL evaluation stack; <see cref="Height"/> is the operand depth below the frame's
/// parameters, and branches to the frame carry <see cref="BranchTypes"/> on top of that depth.
/// </summary>
internal sealed class ControlFrame
{
    public required FrameKind Kind { get; set; }

    public required ValType[] Parameters { get; init; }

    public required ValType[] Results { get; init; }

    public required int Height { get; init; }

    /// <summary>Where a branch to this frame goes: the loop header, else the end.</summary>
    public required Label BranchTarget { get; init; }

    /// <summary>For if: where the false condition jumps.</summary>
    public Label ElseLabel { get; init; }

    /// <summary>The rest of the frame's body is unreachable (after br, return, unreachable...).</summary>
    public bool Unreachable { get; set; }

    /// <summary>Some branch targets the frame's end label.</summary>
    public bool EndTargeted { get; set; }

    public ValType[] BranchTypes => Kind == FrameKind.Loop ? Parameters : Results;
}
