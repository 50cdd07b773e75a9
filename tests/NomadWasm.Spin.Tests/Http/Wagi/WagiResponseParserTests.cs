using System.Text;
using NomadWasm.Spin.Http.Wagi;

namespace NomadWasm.Spin.Tests.Http.Wagi;

public sealed class WagiResponseParserTests
{
    public static TheoryData<string, int, string?, string?, string> Cases => new()
    {
        // stdout, status, content-type, location, body
        { "content-type: text/plain\n\nhello", 200, "text/plain", null, "hello" },
        { "Content-Type: text/html\r\n\r\n<p>x</p>\r\n", 200, "text/html", null, "<p>x</p>\r\n" },
        { "status: 404 Not Found\ncontent-type: text/plain\n\nnope", 404, "text/plain", null, "nope" },
        { "status: 201\n\n", 201, null, null, "" },
        { "location: /elsewhere\n\n", 302, null, "/elsewhere", "" },
        { "location: /elsewhere\nstatus: 301\n\n", 301, null, "/elsewhere", "" },
        { "status: 307\nlocation: /x\n\n", 307, null, "/x", "" },
        { "status: abc\ncontent-type: text/plain\n\nbad", 502, "text/plain", null, "bad" },
        { "status: 42\n\n", 502, null, null, "" },
        { "content-type: a\ncontent-type: b\n\n", 200, "b", null, "" },
        { "not a header\ncontent-type: text/plain\n\nbody\n\nwith blank line", 200, "text/plain", null, "body\n\nwith blank line" },
        { "x-custom: yes\n\nno sufficient header", 500, null, null, WagiResponseParser.InsufficientHeadersMessage },
        { "no separator at all", 500, null, null, WagiResponseParser.InsufficientHeadersMessage },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_ComposesResponse(string stdout, int status, string? contentType, string? location, string body)
    {
        var response = WagiResponseParser.Parse(Encoding.UTF8.GetBytes(stdout));

        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        Assert.Equal(contentType, Header(response.Headers, "content-type"));
        Assert.Equal(location, Header(response.Headers, "location"));
        Assert.Equal(body, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public void Parse_CustomHeaders_AreCopiedLowerCased()
    {
        var response = WagiResponseParser.Parse("Content-Type: text/plain\nX-Thing: 1\nbad name: 2\n\n"u8);

        Assert.NotNull(response);
        Assert.Equal("1", Header(response.Headers, "x-thing"));
        Assert.Null(Header(response.Headers, "bad name"));
    }

    [Fact]
    public void Parse_EmptyStdout_IsAGuestFailure() => Assert.Null(WagiResponseParser.Parse([]));

    private static string? Header(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.LastOrDefault(h => h.Key == name).Value;
}
