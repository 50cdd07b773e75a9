using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Tests.Manifest;

public sealed class AllowedOutboundHostsTests
{
    // (entries, url, allowed) — spec §4.3 grammar and crates/outbound-networking-config tests.
    public static TheoryData<string[], string, bool> Cases => new()
    {
        { ["https://example.com"], "https://example.com/path", true },
        { ["https://example.com"], "https://example.com:443/", true },
        { ["https://example.com"], "https://example.com:8443/", false },
        { ["https://example.com"], "http://example.com/", false },
        { ["https://example.com"], "https://other.com/", false },
        { ["http://example.com:8080"], "http://example.com:8080/", true },
        { ["http://example.com:8080"], "http://example.com/", false },
        { ["*://example.com:*"], "redis://example.com:1234", true },
        { ["*://example.com:*"], "ftp://example.com", true },
        { ["https://*.example.com"], "https://api.example.com/", true },
        { ["https://*.example.com"], "https://a.b.example.com/", true },
        { ["https://*.example.com"], "https://example.com/", false },
        { ["https://*"], "https://anything.test/", true },
        { ["https://*"], "https://anything.test:444/", false },
        { ["https://*:*"], "https://anything.test:444/", true },
        { ["http://localhost:3000..3005"], "http://localhost:3004/", true },
        { ["http://localhost:3000..3005"], "http://localhost:3005/", false },
        { ["postgres://10.0.0.0/8:5432"], "postgres://10.1.2.3:5432", true },
        { ["postgres://10.0.0.0/8:5432"], "postgres://11.1.2.3:5432", false },
        { ["tcp://127.0.0.1/24:*"], "tcp://127.0.0.200:9", true },
        { ["http://[::1]:8001"], "http://[::1]:8001/", true },
        { ["redis://cache"], "redis://cache", true },
        { ["redis://cache"], "redis://cache:6380", false },
        { ["mysql://db"], "mysql://db:3306", true },
        { ["mqtt://broker"], "mqtt://broker:1883", true },
        { ["http://backend.spin.internal"], "http://backend.spin.internal/api", true },
        { ["http://*.spin.internal"], "http://anything.spin.internal/", true },
        { ["http://self"], "http://self.alt/x", true },
        { ["http://self"], "https://self.alt/x", false },
        { ["https://*"], "https://self.alt/x", true },
        { ["http://self"], "http://example.com/", false },
        { [], "https://example.com/", false },
        { ["https://example.com/"], "https://example.com/", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsAllowed_Url_FollowsSpinGrammar(string[] entries, string url, bool expected)
    {
        var hosts = AllowedOutboundHosts.Parse(entries);

        Assert.Equal(expected, hosts.IsAllowed(new Uri(url)));
    }

    [Theory]
    [InlineData("http://self", "http", true)]
    [InlineData("http://self.alt", "http", true)]
    [InlineData("*://*:*", "https", true)]
    [InlineData("https://self", "http", false)]
    [InlineData("https://example.com", "https", false)]
    public void AllowsSelf_RelativeRequests_NeedSelfOrAnyHost(string entry, string scheme, bool expected)
    {
        var hosts = AllowedOutboundHosts.Parse([entry]);

        Assert.Equal(expected, hosts.AllowsSelf(scheme));
    }

    [Theory]
    [InlineData("http://self", true)]
    [InlineData("https://self.alt", true)]
    [InlineData("*://*:*", true)]
    [InlineData("redis://self", false)]
    [InlineData("https://example.com", false)]
    public void IsAllowed_RelativeUri_IsSelfRequestOverHttpOrHttps(string entry, bool expected)
    {
        var hosts = AllowedOutboundHosts.Parse([entry]);

        Assert.Equal(expected, hosts.IsAllowed(new Uri("/relative", UriKind.Relative)));
    }

    [Theory]
    [InlineData("example.com", "does not contain a scheme")]
    [InlineData("*", "is not an allowed outbound host format")]
    [InlineData("https://example.com/path", "hosts must not contain paths")]
    [InlineData("https://example.com:80/path", "has a path")]
    [InlineData("tcp://example.com", "does not have a known default port number")]
    [InlineData("https://example.com:abc", "is not a number")]
    [InlineData("https://example.com:1..b", "contains non-number")]
    [InlineData("https://a.*.com", "wildcards are allowed only as subdomains")]
    [InlineData("https://*.a.*", "wildcards are allowed only as prefixes")]
    [InlineData("h2://example.com:1", "non-alphabetic")]
    [InlineData("{http,https}://example.com", "scheme lists are not yet supported")]
    [InlineData("https://{a,b}:443", "host lists are not yet supported")]
    public void Parse_InvalidEntry_ThrowsWithReason(string entry, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => AllowedOutboundHosts.Parse([entry]));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneInsecureAllowAll_IsRejected()
    {
        var ex = Assert.Throws<FormatException>(() => AllowedOutboundHosts.Parse(["insecure:allow-all"]));

        Assert.Contains("*://*:*", ex.Message, StringComparison.Ordinal);
    }
}
