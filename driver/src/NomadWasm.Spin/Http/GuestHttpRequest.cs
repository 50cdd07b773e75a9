using System.Net;

namespace NomadWasm.Spin.Http;

/// <summary>
/// An incoming HTTP request as the executors see it: independent of Kestrel, body fully buffered
/// (Spin buffers the body for the Wagi and Spin 1.x executors, spec §3a/§3b).
/// </summary>
internal sealed record GuestHttpRequest
{
    /// <summary>The request method as sent (e.g. <c>GET</c>).</summary>
    public required string Method { get; init; }

    /// <summary><c>http</c> or <c>https</c>, from the listener.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The <c>Host</c> header value, or null when the request has none.</summary>
    public string? Host { get; init; }

    /// <summary>The raw (still percent-encoded) path, starting with <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string without the leading <c>?</c>; empty when there is none.</summary>
    public string Query { get; init; } = "";

    /// <summary>The protocol, e.g. <c>HTTP/1.1</c>.</summary>
    public string Protocol { get; init; } = "HTTP/1.1";

    /// <summary>Client headers in arrival order, names lower-cased.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The client's socket address, or null when unknown.</summary>
    public IPEndPoint? Client { get; init; }

    /// <summary>The path followed by <c>?query</c> when there is a query.</summary>
    public string PathAndQuery => Query.Length == 0 ? Path : Path + "?" + Query;
}
