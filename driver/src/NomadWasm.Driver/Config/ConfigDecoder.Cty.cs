using NomadWasm.Plugin.MsgPack;

namespace NomadWasm.Driver.Config;

internal static partial class ConfigDecoder
{
    // The plugin project's cty-msgpack decoder (§12.3), flattened into the tree the mapping above
    // reads: maps become IReadOnlyDictionary<string, object?>, arrays List<object?>, numbers CtyNumber.
    private static object? Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ToTree(MsgPackCtyDecoder.Decode(bytes));
        }
        catch (CtyDecodeException e)
        {
            throw new ConfigException(e.Message, e);
        }
    }

    private static object? ToTree(CtyValue value) => value.Kind switch
    {
        CtyValueKind.Null => null,
        CtyValueKind.Bool => value.AsBool(),
        CtyValueKind.Number => value.AsNumber(),
        CtyValueKind.String => value.AsString(),
        CtyValueKind.Array => value.Elements.Select(ToTree).ToList(),
        CtyValueKind.Map => value.Attributes.ToDictionary(static p => p.Key, static p => ToTree(p.Value), StringComparer.Ordinal),
        _ => throw new ConfigException($"{value.Path} is an unknown value, which a config never holds"),
    };
}
