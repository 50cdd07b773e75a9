using System.Text.Json;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.RuntimeConfig;

namespace NomadWasm.Spin.Tests.RuntimeConfig;

/// <summary>
/// Golden cases for <see cref="RuntimeConfigReader"/>: <c>cases/NAME.toml</c> → <c>NAME.json</c> (the model,
/// with the cases directory shown as <c>&lt;dir&gt;</c> and the current directory as <c>&lt;cwd&gt;</c>) or <c>NAME.err</c>.
/// </summary>
public sealed class RuntimeConfigGoldenTests
{
    private const string CurrentDirectory = "/work/cwd";

    public static TheoryData<string> Cases => GoldenFiles.Names("RuntimeConfig");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_GoldenCase_MatchesSnapshot(string name)
    {
        var dir = GoldenFiles.CasesDirectory("RuntimeConfig");
        var file = Path.Combine(dir, name + ".toml");
        var json = Path.Combine(dir, name + ".json");
        var err = Path.Combine(dir, name + ".err");
        try
        {
            var model = RuntimeConfigReader.Parse(File.ReadAllBytes(file), file, CurrentDirectory);
            GoldenFiles.AssertMatches(json, Encode(model).Replace(dir, "<dir>", StringComparison.Ordinal).Replace(CurrentDirectory, "<cwd>", StringComparison.Ordinal), err);
        }
        catch (ManifestException ex)
        {
            GoldenFiles.AssertMatches(err, ex.Message.Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), json);
        }
    }

    private static string Encode(RuntimeConfigModel model)
    {
        var projection = new
        {
            model.StateDir,
            model.LogDir,
            model.MaxInstanceMemory,
            model.KeyValueStores,
            model.SqliteDatabases,
            VariablesProviders = model.VariablesProviders.Select(p => new { Type = p.GetType().Name, Value = (object)p }).ToList(),
            model.LlmCompute,
            model.OutboundHttp,
            model.OutboundNetworking,
            model.ClientTls,
            model.OutboundMaxConnections,
        };
        return JsonSerializer.Serialize(projection, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
