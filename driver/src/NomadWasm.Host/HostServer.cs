using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NomadWasm.Spin.Http;

namespace NomadWasm.Host;

/// <summary>
/// Kestrel in front of a Spin app: turns each HTTP request into a <see cref="GuestHttpRequest"/>,
/// runs the app's handler on the request thread (guest code is synchronous), writes the
/// <see cref="GuestHttpResponse"/> back and logs component, status and latency.
/// </summary>
internal sealed class HostServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostServer(WebApplication app, IPEndPoint endPoint)
    {
        _app = app;
        LocalEndPoint = endPoint;
    }

    /// <summary>The bound address (the real port when <c>--listen</c> asked for port 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary><c>http://ip:port</c>.</summary>
    public Uri BaseUri => new($"http://{FormatEndPoint(LocalEndPoint)}");

    /// <summary>Binds the listener and starts serving.</summary>
    /// <exception cref="IOException">The address is in use or cannot be bound; the message names it.</exception>
    public static async Task<HostServer> StartAsync(HostOptions options, Func<GuestHttpRequest, HttpOutcome> handler, HostLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(log);
        var endPoint = ListenAddress.Parse(options.Listen);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Listen(endPoint, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        var app = builder.Build();
        var pipeline = new RequestPipeline(handler, log);
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot listen on {options.Listen}: {e.Message}", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var bound = address is null ? endPoint : new IPEndPoint(endPoint.Address, new Uri(address).Port);
        return new HostServer(app, bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _app.StopAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    internal static string FormatEndPoint(IPEndPoint endPoint) =>
        endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{endPoint.Address}]:{endPoint.Port}"
            : $"{endPoint.Address}:{endPoint.Port}";

    /// <summary>The per-request adapter between Kestrel and the Spin app.</summary>
    private sealed class RequestPipeline(Func<GuestHttpRequest, HttpOutcome> handler, HostLog log)
    {
        public async Task HandleAsync(HttpContext context)
        {
            var started = Stopwatch.GetTimestamp();
            var request = await ReadRequestAsync(context).ConfigureAwait(false);
            var outcome = handler(request);
            if (outcome.Error is not null)
            {
                log.Error($"[{outcome.Target ?? "-"}] Error processing request {request.Method} {request.Path}: {outcome.Error.Message}");
            }

            var response = outcome.Response;
            if (!HeadersAreValid(response.Headers))
            {
                log.Error($"[{outcome.Target ?? "-"}] guest returned an invalid response header; answering 500");
                response = GuestHttpResponse.InternalError;
            }

            await WriteResponseAsync(context, response).ConfigureAwait(false);
            log.Request(outcome.Target, request.Method, request.Path, response.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        private static async Task<GuestHttpRequest> ReadRequestAsync(HttpContext context)
        {
            var http = context.Request;
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.PathBase + http.Path + http.QueryString);
            var (path, query) = SplitTarget(rawTarget);
            var headers = new List<KeyValuePair<string, string>>(http.Headers.Count + 8);
            foreach (var (name, values) in http.Headers)
            {
                var lower = name.ToLowerInvariant();
                foreach (var value in values)
                {
                    headers.Add(new(lower, value ?? ""));
                }
            }

            var body = await ReadBodyAsync(http).ConfigureAwait(false);
            var remote = context.Connection.RemoteIpAddress;
            return new GuestHttpRequest
            {
                Method = http.Method,
                Scheme = http.Scheme,
                Host = http.Headers.Host.Count > 0 ? http.Headers.Host.ToString() : null,
                Path = path,
                Query = query,
                Protocol = http.Protocol,
                Headers = headers,
                Body = body,
                Client = remote is null ? null : new IPEndPoint(remote, context.Connection.RemotePort),
            };
        }

        /// <summary>Origin-form <c>/p?q</c> or absolute-form <c>http://h/p?q</c> → raw path and query.</summary>
        internal static (string Path, string Query) SplitTarget(string target)
        {
            if (!target.StartsWith('/') && Uri.TryCreate(target, UriKind.Absolute, out var absolute))
            {
                target = absolute.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
            }

            var question = target.IndexOf('?', StringComparison.Ordinal);
            return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
        }

        private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest http)
        {
            if (http.ContentLength == 0 || (http.ContentLength is null && !http.Headers.ContainsKey("Transfer-Encoding")))
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            if (http.ContentLength is { } length and <= 1024 * 1024)
            {
                var buffer = new byte[length];
                await http.Body.ReadExactlyAsync(buffer).ConfigureAwait(false);
                return buffer;
            }

            using var stream = new MemoryStream();
            await http.Body.CopyToAsync(stream).ConfigureAwait(false);
            return stream.ToArray();
        }

        private static async Task WriteResponseAsync(HttpContext context, GuestHttpResponse response)
        {
            var http = context.Response;
            http.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                if (string.Equals(name, "content-length", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "transfer-encoding", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // framing is Kestrel's job; the body length is known
                }

                http.Headers[name] = value; // replace semantics: a repeated name keeps the last value
            }

            http.ContentLength = response.Body.Length;
            if (!response.Body.IsEmpty && !HttpMethods.IsHead(context.Request.Method))
            {
                await http.Body.WriteAsync(response.Body).ConfigureAwait(false);
            }
        }

        private static bool HeadersAreValid(IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            foreach (var (name, value) in headers)
            {
                if (!Spin.Http.Wagi.WagiResponseParser.IsValidHeaderName(name))
                {
                    return false;
                }

                foreach (var c in value)
                {
                    if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
