using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using NomadWasm.Plugin.Grpc;
using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.Plugin.Tests.Grpc;

public sealed class GrpcServerTests
{
    private const string Echo = "/test.Echo/Unary";
    private const string Fail = "/test.Echo/Fail";
    private const string Throw = "/test.Echo/Throw";
    private const string Slow = "/test.Echo/Slow";
    private const string Stream = "/test.Echo/Stream";
    private const string Hold = "/test.Echo/Hold";
    private const string Bidi = "/test.Echo/Bidi";

    private static readonly TaskCompletionSource<bool> Unused = new();

    private static void MapTestServices(GrpcServiceBuilder services, TaskCompletionSource<bool>? cancelled = null)
    {
        services.MapUnary<StringValue, StringValue>(Echo, static (request, _) => Task.FromResult(new StringValue { Value = "echo:" + request.Value }));
        services.MapUnary<StringValue, StringValue>(Fail, static (request, _) =>
            throw new RpcException(StatusCode.FailedPrecondition, request.Value, new Protos.Structs.RecoverableError { Recoverable = true }));
        services.MapUnary<StringValue, StringValue>(Throw, static (_, _) => throw new InvalidOperationException("boom: 100% broken ✗"));
        services.MapUnary<StringValue, StringValue>(Slow, static async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return new StringValue();
        });
        services.MapServerStreaming<Int32Value, Int32Value>(Stream, static async (request, writer, context) =>
        {
            for (var i = 0; i < request.Value; i++)
            {
                await writer.WriteAsync(new Int32Value { Value = i }, context.CancellationToken);
            }
        });
        services.MapServerStreaming<Int32Value, Int32Value>(Hold, async (request, writer, context) =>
        {
            await writer.WriteAsync(new Int32Value { Value = request.Value }, context.CancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
            finally
            {
                (cancelled ?? Unused).TrySetResult(context.CancellationToken.IsCancellationRequested);
            }
        });
        services.MapBidiStreaming<StringValue, StringValue>(Bidi, static async (requests, writer, context) =>
        {
            while (await requests.MoveNextAsync())
            {
                await writer.WriteAsync(new StringValue { Value = requests.Current.Value.ToUpperInvariant() }, context.CancellationToken);
            }
        });
    }

    [Fact]
    public async Task Unary_Ok_ReturnsMessageAndStatusZeroInTrailers()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Echo, new StringValue { Value = "hi" });

        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("application/grpc", result.Response.Content.Headers.ContentType?.MediaType);
        Assert.False(result.TrailersOnly);
        Assert.Equal(0, result.GrpcStatus);
        Assert.Equal("echo:hi", StringValue.Parser.ParseFrom(Assert.Single(result.Messages)).Value);
    }

    [Fact]
    public async Task Unary_UnknownMethod_TrailersOnlyUnimplemented()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync("/test.Echo/Nope", new StringValue());

        Assert.True(result.TrailersOnly);
        Assert.Equal(12, result.GrpcStatus);
        Assert.Contains("/test.Echo/Nope", result.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public async Task Unary_RpcException_StatusMessageAndMatchingDetails()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Fail, new StringValue { Value = "image pull failed" });

        Assert.True(result.TrailersOnly);
        Assert.Equal(9, result.GrpcStatus);
        Assert.Equal("image pull failed", result.GrpcMessage);
        var details = result.Response.Headers.GetValues("grpc-status-details-bin").Single();
        var padded = details.PadRight(details.Length + ((4 - (details.Length % 4)) % 4), '=');
        var status = Protos.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(padded));
        Assert.Equal(9, status.Code);
        Assert.True(Assert.Single(status.Details).Unpack<Protos.Structs.RecoverableError>().Recoverable);
        Assert.Equal(
            "type.googleapis.com/hashicorp.nomad.plugins.shared.structs.RecoverableError",
            status.Details[0].TypeUrl);
    }

    [Fact]
    public async Task Unary_HandlerThrows_UnknownWithPercentEncodedMessage()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Throw, new StringValue());

        Assert.Equal(2, result.GrpcStatus);
        Assert.Equal("boom: 100%25 broken %E2%9C%97", result.GrpcMessage);
    }

    [Fact]
    public async Task Unary_DeadlineExpires_DeadlineExceededAndHandlerCancelled()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        var watch = Stopwatch.StartNew();

        var result = await server.Client.CallAsync(Slow, new StringValue(), timeout: "200m");

        Assert.Equal(4, result.GrpcStatus);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("1x")] // unknown unit
    [InlineData("123456789S")] // nine digits: at most eight allowed
    [InlineData("S")] // no digits
    public async Task Unary_MalformedTimeout_Internal(string timeout)
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Echo, new StringValue(), timeout);

        Assert.Equal(13, result.GrpcStatus);
        Assert.Contains(timeout, result.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WrongContentType_Http415WithInternalStatus()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        var content = new ByteArrayContent(GrpcTestClient.Frame(new StringValue()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = GrpcTestClient.NewRequest(Echo, content);

        var result = await server.Client.SendAsync(request);

        Assert.Equal(415, result.HttpStatus);
        Assert.Equal(13, result.GrpcStatus);
    }

    [Fact]
    public async Task Call_ContentTypeWithProtoSuffix_Accepted()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        var content = new ByteArrayContent(GrpcTestClient.Frame(new StringValue { Value = "x" }));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc+proto");
        using var request = GrpcTestClient.NewRequest(Echo, content);

        var result = await server.Client.SendAsync(request);

        Assert.Equal(0, result.GrpcStatus);
    }

    [Fact]
    public async Task Unary_MessageOverLimit_ResourceExhausted()
    {
        var options = new GrpcServerOptions { MaxReceiveMessageSize = 16 };
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s), options);

        var result = await server.Client.CallAsync(Echo, new StringValue { Value = new string('a', 64) });

        Assert.Equal(8, result.GrpcStatus);
    }

    [Fact]
    public async Task Unary_EmptyBody_Internal()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Echo, request: null);

        Assert.Equal(13, result.GrpcStatus);
    }

    [Fact]
    public async Task ServerStreaming_SendsEveryMessageThenOk()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));

        var result = await server.Client.CallAsync(Stream, new Int32Value { Value = 5 });

        Assert.Equal(0, result.GrpcStatus);
        Assert.Equal([0, 1, 2, 3, 4], result.Messages.Select(m => Int32Value.Parser.ParseFrom(m).Value));
    }

    [Fact]
    public async Task ServerStreaming_FirstMessageArrivesBeforeHandlerEnds()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await server.Client.StartAsync(Hold, new Int32Value { Value = 7 }, cts.Token);
        await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
        var first = await GrpcTestClient.ReadFrameAsync(body, cts.Token);

        Assert.Equal(7, Int32Value.Parser.ParseFrom(first).Value);
    }

    [Fact]
    public async Task ServerStreaming_ClientCancels_HandlerTokenFires()
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s, cancelled));
        using var cts = new CancellationTokenSource();

        var response = await server.Client.StartAsync(Hold, new Int32Value { Value = 1 }, cts.Token);
        var body = await response.Content.ReadAsStreamAsync(cts.Token);
        await GrpcTestClient.ReadFrameAsync(body, cts.Token);
        response.Dispose(); // RST_STREAM(CANCEL) for an unfinished response

        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task BidiStreaming_EchoesEachRequestThenOkAfterHalfClose()
    {
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var (response, requests) = await StartDuplexAfterFirstWrite(server, cts.Token);
        using (response)
        {
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            Assert.Equal("A", StringValue.Parser.ParseFrom(await GrpcTestClient.ReadFrameAsync(body, cts.Token)).Value);
            await requests.WriteAsync(new StringValue { Value = "b" }, cts.Token);
            Assert.Equal("B", StringValue.Parser.ParseFrom(await GrpcTestClient.ReadFrameAsync(body, cts.Token)).Value);
            requests.Complete();
            Assert.Null(await GrpcTestClient.ReadFrameAsync(body, cts.Token));
            Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        }
    }

    [Fact]
    public async Task ServerStreaming_TwoHundredConcurrentLongLivedStreams_AllServedOnOneConnection()
    {
        const int Streams = 200;
        await using var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var opened = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async i =>
        {
            var response = await server.Client.StartAsync(Hold, new Int32Value { Value = i }, cts.Token);
            var body = await response.Content.ReadAsStreamAsync(cts.Token);
            var first = Int32Value.Parser.ParseFrom(await GrpcTestClient.ReadFrameAsync(body, cts.Token)).Value;
            return (response, first);
        }));

        // While all 200 are open, a unary call still goes through.
        var unary = await server.Client.CallAsync(Echo, new StringValue { Value = "still" }, cancellationToken: cts.Token);
        Assert.Equal(0, unary.GrpcStatus);
        Assert.Equal(Enumerable.Range(0, Streams), opened.Select(o => o.first).Order());
        foreach (var (response, _) in opened)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Stop_OpenStream_EndsWithUnavailable()
    {
        var server = await TestGrpcServer.StartAsync(s => MapTestServices(s));
        await using (server)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await server.Client.StartAsync(Hold, new Int32Value { Value = 1 }, cts.Token);
            await using var body = await response.Content.ReadAsStreamAsync(cts.Token);
            await GrpcTestClient.ReadFrameAsync(body, cts.Token);

            await server.StopAsync();

            Assert.Null(await GrpcTestClient.ReadFrameAsync(body, cts.Token));
            Assert.Equal("14", response.TrailingHeaders.GetValues("grpc-status").Single());
        }
    }

    private static async Task<(HttpResponseMessage, System.Threading.Channels.ChannelWriter<Google.Protobuf.IMessage>)> StartDuplexAfterFirstWrite(
        TestGrpcServer server, CancellationToken cancellationToken)
    {
        // The server sends response headers with its first message, so the first request must be queued before awaiting headers.
        var channel = System.Threading.Channels.Channel.CreateUnbounded<Google.Protobuf.IMessage>();
        await channel.Writer.WriteAsync(new StringValue { Value = "a" }, cancellationToken);
        var response = await server.Client.StartDuplexFromChannelAsync(Bidi, channel.Reader, cancellationToken);
        return (response, channel.Writer);
    }
}
