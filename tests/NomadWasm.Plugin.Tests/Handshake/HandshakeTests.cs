using NomadWasm.Plugin.Handshake;

namespace NomadWasm.Plugin.Tests.Handshake;

public sealed class HandshakeTests
{
    [Fact]
    public void Format_UnixSocket_SixFieldsEmptyCertAndNewline() =>
        Assert.Equal("1|2|unix|/tmp/plugin123456|grpc|\n", HandshakeLine.Format(1, 2, "unix", "/tmp/plugin123456"));

    public static TheoryData<string?, int[], int, bool> Negotiations => new()
    {
        { null, [2], 2, true },          // variable unset: our own version
        { "2", [2], 2, true },           // what Nomad sends
        { "1,2", [2], 2, true },         // several offered
        { " 2 ", [2], 2, true },         // whitespace tolerated
        { "3,1", [1, 3], 3, true },      // the highest common one wins
        { "1", [2], 2, false },          // no overlap: announce ours, the client refuses
        { "x,2", [2], 2, true },         // an invalid entry is skipped
    };

    [Theory]
    [MemberData(nameof(Negotiations))]
    public void Negotiate_ClientVersions_PicksHighestCommon(string? clientVersions, int[] supported, int expected, bool accepted)
    {
        var result = ProtocolVersions.Negotiate(clientVersions, supported);

        Assert.Equal(expected, result.AppVersion);
        Assert.Equal(accepted, result.ClientAccepts);
    }

    [Fact]
    public void Negotiate_InvalidEntry_IsReported() =>
        Assert.Equal(["x"], ProtocolVersions.Negotiate("x,2", [2]).InvalidEntries);

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("e4327c2e01eabfd75a8a67adb114fb34a757d57eee7728d857a8cec6e91a7256", false)]
    [InlineData("e4327c2e01eabfd75a8a67adb114fb34a757d57eee7728d857a8cec6e91a7255", true)]
    public void IsValid_CookieValue_OnlyExactMatch(string? value, bool expected) =>
        Assert.Equal(expected, MagicCookie.IsValid(value, MagicCookie.NomadValue));

    [Fact]
    public void Create_SocketDirectory_FreshPluginNameInThatDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("nws").FullName;
        try
        {
            var path = UnixSocketPath.Create(directory);

            Assert.Equal(directory, Path.GetDirectoryName(path));
            Assert.Matches("^plugin[0-9]+$", Path.GetFileName(path));
            Assert.False(File.Exists(path));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Create_NoDirectoryVariable_UsesTempDirectory() =>
        Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), Path.GetDirectoryName(UnixSocketPath.Create(null)));

    [Fact]
    public void Create_PathTooLong_ErrorNamesVariable()
    {
        var directory = Directory.CreateTempSubdirectory(new string('d', 110)).FullName;
        try
        {
            var error = Assert.Throws<PathTooLongException>(() => UnixSocketPath.Create(directory));
            Assert.Contains(UnixSocketPath.DirectoryVariable, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Create_MissingDirectory_ErrorNamesDirectory()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => UnixSocketPath.Create("/nonexistent/plugin-dir"));
        Assert.Contains("/nonexistent/plugin-dir", error.Message, StringComparison.Ordinal);
    }
}
