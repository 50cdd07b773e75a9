using NomadWasm.Plugin.Grpc;

namespace NomadWasm.Plugin.Tests.Grpc;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, long> Valid => new()
    {
        { "1H", TimeSpan.TicksPerHour },              // hours
        { "2M", 2 * TimeSpan.TicksPerMinute },        // minutes
        { "30S", 30 * TimeSpan.TicksPerSecond },      // seconds
        { "250m", 250 * TimeSpan.TicksPerMillisecond }, // milliseconds
        { "1500u", 15_000 },                          // microseconds: 1 µs = 10 ticks
        { "999n", 9 },                                // nanoseconds: truncated to 100 ns ticks
        { "0S", 0 },                                  // zero is a valid (already expired) timeout
        { "99999999m", 99_999_999 * TimeSpan.TicksPerMillisecond }, // eight digits, the most allowed
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidValue_Ticks(string value, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Fact]
    public void TryParse_HugeHours_ClampedToMax()
    {
        Assert.True(GrpcTimeout.TryParse("99999999H", out var timeout));
        Assert.Equal(GrpcTimeout.Max, timeout);
    }

    [Theory]
    [InlineData("")]          // empty
    [InlineData("S")]         // no digits
    [InlineData("10")]        // no unit
    [InlineData("10s")]       // lower-case s is not a unit
    [InlineData("-1S")]       // sign
    [InlineData("123456789S")] // nine digits
    [InlineData("1.5S")]      // fraction
    public void TryParse_Malformed_False(string value) => Assert.False(GrpcTimeout.TryParse(value, out _));
}
