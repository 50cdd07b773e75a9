using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace NomadWasm.Plugin.Tests.Grpc;

public sealed class GrpcCallContextTests
{
    private const string Describe = "/test.Context/Describe";

    private static Task<TestGrpcServer> StartAsync() => TestGrpcServer.StartAsync(static services =>
        services.MapUnary<StringValue, StringValue>(Describe, static (request, context) => Task.FromResult(new StringValue
        {
            Value = string.Join(
                ";",
                request.Value,
                context.Method,
                context.Deadline is { } d ? ((int)Math.Round((d - DateTime.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none",
                context.GetRequestHeader("x-test") ?? "no header",
                context.RequestHeaders.Any(h => h.Key.StartsWith(':')) ? "pseudo" : "clean"),
        })));

    [Fact]
    public async Task Context_TimeoutAndHeader_ExposedToHandler()
    {
        await using var server = await StartAsync();
        using var request = GrpcTestClient.NewRequest(Describe, new ByteArrayContent(GrpcTestClient.Frame(new StringValue { Value = "in" })), timeout: "30S");
        request.Headers.Add("x-test", "value");

        var result = await server.Client.SendAsync(request);

        Assert.Equal(0, result.GrpcStatus);
        Assert.Equal("in;/test.Context/Describe;30;value;clean", StringValue.Parser.ParseFrom(Assert.Single(result.Messages)).Value);
    }

    [Fact]
    public async Task Context_NoTimeout_NoDeadline()
    {
        await using var server = await StartAsync();

        var result = await server.Client.CallAsync(Describe, new StringValue { Value = "x" });

        Assert.Equal("x;/test.Context/Describe;none;no header;clean", StringValue.Parser.ParseFrom(Assert.Single(result.Messages)).Value);
    }

    [Fact]
    public async Task Unary_GzipCompressedRequest_Decompressed()
    {
        await using var server = await StartAsync();
        var payload = new StringValue { Value = "zipped" }.ToByteArray();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(payload);
        }

        var frame = new byte[5 + compressed.Length];
        frame[0] = 1; // compressed flag
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)compressed.Length);
        compressed.ToArray().CopyTo(frame, 5);
        using var request = GrpcTestClient.NewRequest(Describe, new ByteArrayContent(frame));
        request.Headers.Add("grpc-encoding", "gzip");

        var result = await server.Client.SendAsync(request);

        Assert.Equal(0, result.GrpcStatus);
        Assert.StartsWith("zipped;", StringValue.Parser.ParseFrom(Assert.Single(result.Messages)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_CompressedFlagWithoutEncoding_Internal()
    {
        await using var server = await StartAsync();
        var frame = GrpcTestClient.Frame(new StringValue { Value = "x" });
        frame[0] = 1;

        var result = await server.Client.SendAsync(GrpcTestClient.NewRequest(Describe, new ByteArrayContent(frame)));

        Assert.Equal(13, result.GrpcStatus);
    }

    [Fact]
    public async Task Unary_UnsupportedEncoding_UnimplementedWithAcceptEncoding()
    {
        await using var server = await StartAsync();
        using var request = GrpcTestClient.NewRequest(Describe, new ByteArrayContent(GrpcTestClient.Frame(new StringValue())));
        request.Headers.Add("grpc-encoding", "snappy");

        var result = await server.Client.SendAsync(request);

        Assert.Equal(12, result.GrpcStatus);
        Assert.Equal("identity,gzip", result.Response.Headers.GetValues("grpc-accept-encoding").Single());
    }

    [Fact]
    public async Task Call_PutMethod_Http405()
    {
        await using var server = await StartAsync();
        var request = GrpcTestClient.NewRequest(Describe, new ByteArrayContent([]));
        request.Method = HttpMethod.Put;
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");

        var result = await server.Client.SendAsync(request);

        Assert.Equal(405, result.HttpStatus);
        Assert.Equal(13, result.GrpcStatus);
    }
}
