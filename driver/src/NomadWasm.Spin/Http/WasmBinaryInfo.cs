using System.Text;

namespace NomadWasm.Spin.Http;

/// <summary>
/// The facts about a <c>.wasm</c> file the HTTP trigger needs before compiling it (spec §3d): core
/// module or component (the binary header's version and layer fields), the exported names, and the
/// custom section names (<c>component-type*</c> marks wit-bindgen ≥ 0.5 output).
/// </summary>
internal sealed class WasmBinaryInfo
{
    private WasmBinaryInfo(bool isComponent, ushort version, ushort layer, IReadOnlyList<(string Name, byte Kind)> exports, IReadOnlyList<string> customSections)
    {
        IsComponent = isComponent;
        Version = version;
        Layer = layer;
        Exports = exports;
        CustomSections = customSections;
    }

    /// <summary>True for a component (layer 1), false for a core module (version 1, layer 0).</summary>
    public bool IsComponent { get; }

    /// <summary>The header's version field (1 for core modules; 0x0d for current components).</summary>
    public ushort Version { get; }

    /// <summary>The header's layer field (0 core module, 1 component).</summary>
    public ushort Layer { get; }

    /// <summary>Exports of a core module: name and external kind (0 func, 1 table, 2 memory, 3 global).</summary>
    public IReadOnlyList<(string Name, byte Kind)> Exports { get; }

    /// <summary>Names of the custom sections, in order.</summary>
    public IReadOnlyList<string> CustomSections { get; }

    public bool ExportsFunction(string name)
    {
        foreach (var (exportName, kind) in Exports)
        {
            if (kind == 0 && string.Equals(exportName, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the header, export section and custom section names.</summary>
    /// <exception cref="FormatException">Not a wasm binary, or the sections are cut short; the message says where.</exception>
    public static WasmBinaryInfo Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || !bytes[..4].SequenceEqual("\0asm"u8))
        {
            throw new FormatException("not a WebAssembly binary (missing the \\0asm magic)");
        }

        var version = (ushort)(bytes[4] | (bytes[5] << 8));
        var layer = (ushort)(bytes[6] | (bytes[7] << 8));
        if (layer != 0)
        {
            return new WasmBinaryInfo(true, version, layer, [], []);
        }

        var exports = new List<(string, byte)>();
        var customs = new List<string>();
        var at = 8;
        while (at < bytes.Length)
        {
            var id = bytes[at++];
            var size = (int)ReadU32(bytes, ref at);
            if (size < 0 || at + size > bytes.Length)
            {
                throw new FormatException($"section {id} at offset {at} runs past the end of the file");
            }

            var section = bytes.Slice(at, size);
            at += size;
            var p = 0;
            if (id == 0)
            {
                customs.Add(ReadName(section, ref p));
            }
            else if (id == 7)
            {
                var count = ReadU32(section, ref p);
                for (uint i = 0; i < count; i++)
                {
                    var name = ReadName(section, ref p);
                    var kind = section[p++];
                    ReadU32(section, ref p);
                    exports.Add((name, kind));
                }
            }
        }

        return new WasmBinaryInfo(false, version, 0, exports, customs);
    }

    private static uint ReadU32(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint result = 0;
        var shift = 0;
        while (true)
        {
            if (at >= bytes.Length || shift > 28)
            {
                throw new FormatException($"malformed LEB128 at offset {at}");
            }

            var b = bytes[at++];
            result |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }

            shift += 7;
        }
    }

    private static string ReadName(ReadOnlySpan<byte> bytes, ref int at)
    {
        var length = (int)ReadU32(bytes, ref at);
        if (length < 0 || at + length > bytes.Length)
        {
            throw new FormatException($"name at offset {at} runs past its section");
        }

        var name = Encoding.UTF8.GetString(bytes.Slice(at, length));
        at += length;
        return name;
    }
}
