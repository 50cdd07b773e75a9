using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Tests.Toml;

public sealed class TomlGoldenTests
{
    public static TheoryData<string> Cases => GoldenFiles.Names("Toml");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_GoldenCase_MatchesSnapshot(string name)
    {
        var dir = GoldenFiles.CasesDirectory("Toml");
        var bytes = File.ReadAllBytes(Path.Combine(dir, name + ".toml"));
        var json = Path.Combine(dir, name + ".json");
        var err = Path.Combine(dir, name + ".err");
        string outcome;
        bool failed;
        try
        {
            outcome = TomlJson.Encode(TomlReader.Parse(bytes));
            failed = false;
        }
        catch (TomlException ex)
        {
            outcome = ex.Message;
            failed = true;
        }

        if (failed)
        {
            GoldenFiles.AssertMatches(err, outcome, json);
        }
        else
        {
            GoldenFiles.AssertMatches(json, outcome, err);
        }
    }
}
