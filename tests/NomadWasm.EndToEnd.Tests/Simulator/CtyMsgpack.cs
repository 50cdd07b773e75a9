extern alias plugin;

using plugin::NomadWasm.Plugin.MsgPack;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// Encodes a config object the way Nomad does after hcldec (nomad-plugin-protocol.md §12.2),
/// with the plugin project's cty-msgpack encoder: every schema attribute present, keys sorted,
/// null as nil. Values: null, bool, int/long, string, or a string map.
/// </summary>
internal static class CtyMsgpack
{
    public static byte[] EncodeObject(IReadOnlyDictionary<string, object?> attributes) =>
        MsgPackCtyEncoder.Encode(CtyValue.Object([.. attributes.Select(static p => (p.Key, ToCty(p.Value)))]));

    private static CtyValue ToCty(object? value) => value switch
    {
        null => CtyValue.Null,
        bool flag => CtyValue.Bool(flag),
        string s => CtyValue.String(s),
        int i => CtyValue.Number(i),
        long l => CtyValue.Number(l),
        IReadOnlyDictionary<string, string> map => CtyValue.Map(map.Select(static p => new KeyValuePair<string, CtyValue>(p.Key, CtyValue.String(p.Value)))),
        _ => throw new ArgumentException($"cannot encode {value.GetType()}"),
    };
}
