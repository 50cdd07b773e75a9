using System.Net;
using NomadWasm.Host;

namespace NomadWasm.Spin.Tests.Host;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:3000", "127.0.0.1", 3000)]
    [InlineData("0.0.0.0:80", "0.0.0.0", 80)]
    [InlineData("[::1]:8080", "::1", 8080)]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    public void Parse_ResolvesPreferringIPv4Loopback(string text, string address, int port)
    {
        var endPoint = ListenAddress.Parse(text);

        Assert.Equal(IPAddress.Parse(address), endPoint.Address);
        Assert.Equal(port, endPoint.Port);
    }

    [Theory]
    [InlineData("3000")]
    [InlineData("127.0.0.1:")]
    [InlineData(":3000")]
    [InlineData("127.0.0.1:http")]
    public void Parse_Malformed_Throws(string text) =>
        Assert.Throws<FormatException>(() => ListenAddress.Parse(text));
}
