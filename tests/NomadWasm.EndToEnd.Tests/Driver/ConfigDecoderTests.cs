extern alias driver;

using driver::NomadWasm.Driver.Config;
using NomadWasm.EndToEnd.Tests.Simulator;

namespace NomadWasm.EndToEnd.Tests.Driver;

public sealed class ConfigDecoderTests
{
    [Fact]
    public void DecodeTaskConfig_AllAttributes_Decoded()
    {
        var bytes = CtyMsgpack.EncodeObject(TaskFixture.SpinConfig("local/app", new Dictionary<string, string> { ["a"] = "1" }, new Dictionary<string, string> { ["E"] = "x" }));
        var config = ConfigDecoder.DecodeTaskConfig(bytes);
        Assert.Equal("local/app", config.App);
        Assert.Equal("http", config.Port);
        Assert.Equal("1", config.Variables["a"]);
        Assert.Equal("x", config.Environment["E"]);
        Assert.Equal("30s", config.RequestTimeout);
    }

    [Fact]
    public void DecodePluginConfig_SpecExample_DefaultsApplied()
    {
        // §12.2 worked example shape: every attribute present, absent ones nil.
        byte[] bytes = [0x82, 0xa7, .. "enabled"u8, 0xc3, 0xa9, .. "host_path"u8, 0xc0];
        var config = ConfigDecoder.DecodePluginConfig(bytes);
        Assert.True(config.Enabled);
        Assert.Equal(string.Empty, config.HostPath);
        Assert.Equal(TimeSpan.FromSeconds(30), config.StartupTimeout);
    }

    [Fact]
    public void DecodePluginConfig_Empty_IsDefault() => Assert.Equal(DriverConfig.Default, ConfigDecoder.DecodePluginConfig([]));

    [Theory]
    [InlineData(new byte[] { 0x81, 0xa3, (byte)'a', (byte)'p', (byte)'p', 0x05 }, "config.app must be a string")]
    [InlineData(new byte[] { 0x82, 0xa3, (byte)'a', (byte)'p', (byte)'p', 0xa1, (byte)'x', 0xa3, (byte)'e', (byte)'n', (byte)'v', 0xa1, (byte)'x' }, "config.env must be a map")]
    [InlineData(new byte[] { 0x81, 0xa3, (byte)'a', (byte)'p', (byte)'p' }, "config.app (byte 5): payload ends early")]
    [InlineData(new byte[] { 0xd4, 0x00, 0x00 }, "unknown value")]
    [InlineData(new byte[] { 0x90 }, "not an object")]
    public void DecodeTaskConfig_Malformed_NamesTheProblem(byte[] bytes, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigDecoder.DecodeTaskConfig(bytes));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
