namespace NomadWasm.Spin.Http;

/// <summary>A response produced by an executor (or by the runtime itself: 404, 500, well-known endpoints).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Headers">Response headers in order; a repeated name replaces the earlier value when sent.</param>
/// <param name="Body">The response body.</param>
internal sealed record GuestHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>A bodiless response with no headers.</summary>
    public static GuestHttpResponse Empty(int status) => new(status, [], ReadOnlyMemory<byte>.Empty);

    /// <summary>404 with an empty body: no route matched (spec §2.7).</summary>
    public static GuestHttpResponse NotFound { get; } = Empty(404);

    /// <summary>500 with an empty body: the guest trapped or failed (spec §2.8).</summary>
    public static GuestHttpResponse InternalError { get; } = Empty(500);
}
