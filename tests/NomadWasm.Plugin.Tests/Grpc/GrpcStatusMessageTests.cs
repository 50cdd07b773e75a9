using NomadWasm.Plugin.Grpc;

namespace NomadWasm.Plugin.Tests.Grpc;

public sealed class GrpcStatusMessageTests
{
    [Theory]
    [InlineData("task not found for given id", "task not found for given id")] // printable ASCII unchanged
    [InlineData("100%", "100%25")]                                             // '%' itself is encoded
    [InlineData("a\nb", "a%0Ab")]                                              // control characters
    [InlineData("café", "caf%C3%A9")]                                          // UTF-8 bytes, upper-case hex
    [InlineData("~ ", "~ ")]                                                   // 0x7E and 0x20 are the printable bounds
    public void Encode_Message_PercentEncodedUtf8(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcStatusMessage.Encode(message));
        Assert.Equal(message, GrpcStatusMessage.Decode(encoded));
    }

    [Fact]
    public void Decode_MalformedEscape_KeptAsIs() => Assert.Equal("50%zz", GrpcStatusMessage.Decode("50%zz"));
}
