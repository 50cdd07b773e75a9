using System.Text;
using NomadWasm.Spin.Capabilities.Redis;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Capabilities.Redis;

public sealed class RespConnectionTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RespConnectionTests(RedisServerFixture redis) => _redis = redis;

    [Fact]
    public void Execute_SetGetIncr_AgainstRealRedis()
    {
        using var connection = RespConnection.Connect(RedisAddress.TryParse(_redis.Address)!, TimeSpan.FromSeconds(5));
        var key = "k-" + Guid.NewGuid().ToString("N");

        Assert.Equal(new RespValue.SimpleString("OK"), connection.Execute("SET", [B(key), B("v\r\nwith crlf")]));
        var got = Assert.IsType<RespValue.BulkString>(connection.Execute("GET", [B(key)]));
        Assert.Equal("v\r\nwith crlf", Encoding.UTF8.GetString(got.Value));
        Assert.Equal(RespValue.Nil.Instance, connection.Execute("GET", [B(key + "-missing")]));
        Assert.Equal(new RespValue.Integer(1), connection.Execute("INCR", [B(key + "-n")]));
        Assert.IsType<RespValue.Error>(connection.Execute("INCR", [B(key)])); // not an integer
        var members = Assert.IsType<RespValue.Array>(connection.Execute("SMEMBERS", [B(key + "-none")]));
        Assert.Empty(members.Items);
    }

    [Fact]
    public void Connect_NothingListening_ThrowsRedisExceptionNamingTheAddress()
    {
        var address = RedisAddress.TryParse($"redis://127.0.0.1:{RedisServerFixture.FreePort()}")!;

        var e = Assert.Throws<RedisException>(() => RespConnection.Connect(address, TimeSpan.FromSeconds(2)));

        Assert.Contains($"127.0.0.1:{address.Port}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://localhost", "localhost", 6379, null, null, 0)]
    [InlineData("redis://h:7000/3", "h", 7000, null, null, 3)]
    [InlineData("redis://:secret@h:1", "h", 1, null, "secret", 0)]
    [InlineData("redis://user:pw@h", "h", 6379, "user", "pw", 0)]
    public void TryParse_ReadsRedisUrls(string text, string host, int port, string? user, string? password, int db)
    {
        var address = RedisAddress.TryParse(text);

        Assert.NotNull(address);
        Assert.Equal((host, port, user, password, db), (address.Host, address.Port, address.User, address.Password, address.Database));
    }

    [Theory]
    [InlineData("http://h")]
    [InlineData("redis://h/notanumber")]
    [InlineData("nonsense")]
    public void TryParse_RejectsNonRedisUrls(string text) => Assert.Null(RedisAddress.TryParse(text));

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
}
