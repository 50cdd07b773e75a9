using NomadWasm.Host;

namespace NomadWasm.Spin.Tests.Host;

public sealed class UpOptionsParserTests
{
    [Fact]
    public void Parse_NoArguments_UsesSpinDefaults()
    {
        var options = UpOptionsParser.Parse([])!;

        Assert.Equal("spin.toml", options.From);
        Assert.Equal("127.0.0.1:3000", options.Listen);
        Assert.Null(options.RequestTimeout);
        Assert.Null(options.StateDir);
        Assert.Null(options.MemoryLimitMb);
    }

    [Fact]
    public void Parse_EveryFlag_IsRead()
    {
        var options = UpOptionsParser.Parse(
        [
            "-f", "jobs/app", "--listen", "0.0.0.0:8080", "--env", "A=1", "-e", "B=x=y", "--variable", "v=1",
            "--runtime-config-file", "rc.toml", "--state-dir", "", "--request-timeout", "500ms", "--memory-limit-mb", "64", "-q",
        ])!;

        Assert.Equal("jobs/app", options.From);
        Assert.Equal("0.0.0.0:8080", options.Listen);
        Assert.Equal([new("A", "1"), new("B", "x=y")], options.Environment);
        Assert.Equal(["v=1"], options.Variables);
        Assert.Equal("rc.toml", options.RuntimeConfigFile);
        Assert.Equal("", options.StateDir);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RequestTimeout);
        Assert.Equal(64, options.MemoryLimitMb);
        Assert.True(options.Quiet);
    }

    [Fact]
    public void Parse_InlineValues_AreAccepted() =>
        Assert.Equal("127.0.0.1:9", UpOptionsParser.Parse(["--listen=127.0.0.1:9"])!.Listen);

    [Fact]
    public void Parse_Help_ReturnsNull() => Assert.Null(UpOptionsParser.Parse(["--help"]));

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1.5", 1_500)]
    [InlineData("250ms", 250)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    public void ParseDuration_Units(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), UpOptionsParser.ParseDuration("--request-timeout", text));

    [Theory]
    [InlineData(new[] { "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--listen" }, "--listen needs a value")]
    [InlineData(new[] { "--listen", "nope" }, "invalid listen address 'nope'")]
    [InlineData(new[] { "--listen", "127.0.0.1:70000" }, "65535")]
    [InlineData(new[] { "--env", "NOEQUALS" }, "--env 'NOEQUALS': expected NAME=VALUE")]
    [InlineData(new[] { "--request-timeout", "soon" }, "--request-timeout 'soon'")]
    [InlineData(new[] { "--request-timeout", "-1s" }, "--request-timeout '-1s'")]
    [InlineData(new[] { "--memory-limit-mb", "0" }, "--memory-limit-mb '0'")]
    public void Parse_BadInput_NamesTheFlag(string[] args, string message)
    {
        var e = Assert.Throws<FormatException>(() => UpOptionsParser.Parse(args));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
