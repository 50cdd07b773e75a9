using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Decoding;

/// <summary>Export section (Wasm 2.0 §5.5.10): name, kind byte and index.</summary>
internal static class ExportSection
{
    public static Export[] Decode(ModuleReader reader)
    {
        var exports = new Export[reader.ReadLength()];
        for (var i = 0; i < exports.Length; i++)
        {
            var name = reader.ReadName();
            var kindOffset = reader.Position;
            var kind = reader.ReadByte();
            if (kind > (byte)ExternKind.Global)
            {
                throw reader.Error("malformed export kind", kindOffset);
            }

            exports[i] = new Export(name, (ExternKind)kind, reader.ReadU32());
        }

        return exports;
    }
}
