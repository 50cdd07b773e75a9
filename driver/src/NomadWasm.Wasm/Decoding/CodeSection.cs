using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>
/// Code section (Wasm 2.0 §5.5.13): each entry is <c>size locals* expr</c>. Local declarations
/// are read here; the instructions are only sliced (the validator and compiler read them).
/// </summary>
internal static class CodeSection
{
    /// <summary>
    /// Most locals one function may declare. The spec allows up to 2^32-1; like wasmtime we stop at
    /// 50,000 so that a few bytes cannot make the validator or compiler allocate gigabytes.
    /// </summary>
    public const uint MaxLocals = 50_000;

    public static FunctionBody[] Decode(ModuleReader reader, int functionCount)
    {
        var countOffset = reader.Position;
        var count = reader.ReadLength();
        if (count != functionCount)
        {
            throw reader.Error("function and code section have inconsistent lengths", countOffset);
        }

        var bodies = new FunctionBody[count];
        for (var i = 0; i < count; i++)
        {
            var size = reader.ReadSize();
            var start = reader.Position;
            var end = start + size;
            var locals = ReadLocals(reader);
            if (reader.Position > end)
            {
                throw reader.Error("section size mismatch", start);
            }

            var code = reader.ReadBytes(end - reader.Position);
            bodies[i] = new FunctionBody(locals, code, end - code.Length);
        }

        return bodies;
    }

    private static LocalRun[] ReadLocals(ModuleReader reader)
    {
        var runs = new LocalRun[reader.ReadLength()];
        ulong total = 0;
        for (var i = 0; i < runs.Length; i++)
        {
            var countOffset = reader.Position;
            var count = reader.ReadU32();
            total += count;
            if (total > uint.MaxValue)
            {
                throw reader.Error("too many locals", countOffset);
            }

            runs[i] = new LocalRun(count, reader.ReadValType());
            if (total > MaxLocals)
            {
                throw reader.Error($"too many locals (more than {MaxLocals} in one function)", countOffset);
            }
        }

        return runs;
    }
}
