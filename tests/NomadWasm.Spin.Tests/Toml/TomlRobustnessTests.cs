using System.Text;
using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Tests.Toml;

/// <summary>Bad input always gets a TomlException/ManifestException, never another exception, a hang or a crash.</summary>
public sealed class TomlRobustnessTests
{
    private static readonly string[] Fragments = ["[", "]", "[[", "]]", "{", "}", "=", ".", ",", "\"", "'", "\"\"\"", "'''", "\\", "\n", "\r", "#", " ", "a", "1", "_", "-", "+", ":", "T", "Z", "e", "0x", "inf", "\\u", "\u00e9", "\u0000", "\\u0000", "{{", "}}", "*", "/..."];

    [Fact]
    public void Parse_MutatedGoldenInputs_OnlyTomlExceptions()
    {
        var random = new Random(20261122);
        var inputs = Directory.EnumerateFiles(GoldenFiles.CasesDirectory("Toml"), "valid-*.toml").Select(File.ReadAllText).ToList();
        Assert.NotEmpty(inputs);
        var failures = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(inputs[random.Next(inputs.Count)], random);
            try
            {
                _ = TomlReader.Parse(text);
            }
            catch (TomlException ex)
            {
                Assert.StartsWith("line ", ex.Message, StringComparison.Ordinal);
                failures++;
            }
        }

        // The mutations must actually exercise the error paths.
        Assert.True(failures > 500, $"only {failures} mutated inputs were rejected");
    }

    [Fact]
    public void Load_MutatedManifests_OnlyManifestExceptions()
    {
        var random = new Random(7);
        var cases = GoldenFiles.CasesDirectory("Manifest");
        var inputs = Directory.EnumerateFiles(cases, "v*.toml").Select(File.ReadAllText).ToList();
        var scratch = Directory.CreateTempSubdirectory("nw-mutate-").FullName;
        try
        {
            // The fixture files the valid cases refer to, so mutations get past file checks.
            foreach (var file in Directory.EnumerateFiles(cases, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".toml", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".err", StringComparison.Ordinal)))
            {
                var target = Path.Combine(scratch, Path.GetRelativePath(cases, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var manifest = Path.Combine(scratch, "spin.toml");
            for (var i = 0; i < 100; i++)
            {
                File.WriteAllText(manifest, Mutate(inputs[random.Next(inputs.Count)], random));
                try
                {
                    _ = AppLoader.Load(manifest, new AppLoadOptions { CheckRequiredVariables = false });
                }
                catch (ManifestException ex)
                {
                    Assert.StartsWith(manifest, ex.Message, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Theory]
    [InlineData("a = ", "[", 100_000)]
    [InlineData("a = ", "{b=", 100_000)]
    public void Parse_DeepNesting_IsAnErrorNotAStackOverflow(string prefix, string open, int depth)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(open, depth));

        var ex = Assert.Throws<TomlException>(() => TomlReader.Parse(text));
        Assert.Contains("nested more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_IsAccepted()
    {
        var depth = TomlReader.MaxNesting;
        var text = "a = " + new string('[', depth) + new string(']', depth);

        var root = TomlReader.Parse(text);

        Assert.IsType<TomlArray>(root["a"]);
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(3))
            {
                case 0 when sb.Length > 0:
                    sb.Remove(at, Math.Min(random.Next(1, 4), sb.Length - at));
                    break;
                case 1:
                    sb.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                default:
                    if (sb.Length > 0)
                    {
                        sb[at] = (char)random.Next(0x20, 0x7F);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
