namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Opcodes of proposals this engine does not implement, named in the error so a user sees which
/// feature their toolchain turned on. Everything here is a <see cref="MalformedModuleException"/>
/// whose reason starts with the spec's "illegal opcode" (SIMD, part of Wasm 2.0, has its own text).
/// </summary>
internal static class UnsupportedOpcodes
{
    /// <summary>The proposal an unknown single-byte opcode belongs to, or null if none.</summary>
    public static string? ProposalOf(byte opcode) => opcode switch
    {
        0x06 or 0x07 or 0x08 or 0x09 or 0x0A or 0x18 or 0x19 or 0x1F => "exception handling",
        0x12 or 0x13 or 0x15 => "tail call",
        0x14 or 0xD4 or 0xD5 or 0xD6 => "function references",
        0xD3 or 0xFB => "GC",
        0xFE => "threads",
        >= 0xE0 and <= 0xE6 => "stack switching",
        _ => null,
    };

    public static MalformedModuleException Illegal(byte opcode, int offset)
    {
        if (opcode == 0xFD)
        {
            return Simd(null, offset);
        }

        var proposal = ProposalOf(opcode);
        var reason = proposal is null
            ? $"illegal opcode 0x{opcode:x2}"
            : $"illegal opcode 0x{opcode:x2} ({proposal} proposal not supported)";
        return new MalformedModuleException(reason, offset);
    }

    public static MalformedModuleException IllegalMisc(uint subOpcode, int offset) =>
        new($"illegal opcode 0xfc {subOpcode}", offset);

    public static MalformedModuleException Simd(uint? subOpcode, int offset) =>
        new(subOpcode is { } sub
            ? $"SIMD proposal not supported (opcode 0xfd {sub})"
            : "SIMD proposal not supported (opcode 0xfd)", offset);
}
