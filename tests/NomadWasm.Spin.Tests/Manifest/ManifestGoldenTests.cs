using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Tests.Manifest;

/// <summary>
/// Golden cases like Spin's crates/manifest/tests/ui: <c>cases/NAME.toml</c> is loaded with
/// <see cref="AppLoader"/> (app directory = <c>cases/</c>, which holds shared fixture files) and compared
/// with <c>NAME.json</c> (the loaded app) or <c>NAME.err</c> (the error, file path relative).
/// Every case runs with one <c>--variable</c>-style value: <c>api_token=secret-token</c>.
/// </summary>
public sealed class ManifestGoldenTests
{
    public static TheoryData<string> Cases => GoldenFiles.Names("Manifest");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_GoldenCase_MatchesSnapshot(string name)
    {
        var dir = GoldenFiles.CasesDirectory("Manifest");
        var json = Path.Combine(dir, name + ".json");
        var err = Path.Combine(dir, name + ".err");
        try
        {
            var options = new AppLoadOptions { VariableProviders = [new StaticVariableProvider([new("api_token", "secret-token")])] };
            var app = AppLoader.Load(Path.Combine(dir, name + ".toml"), options);
            GoldenFiles.AssertMatches(json, LoadedAppJson.Encode(app), err);
        }
        catch (ManifestException ex)
        {
            var message = ex.Message.Replace(dir + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            GoldenFiles.AssertMatches(err, message, json);
        }
    }
}
