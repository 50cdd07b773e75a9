namespace NomadWasm.Spin.Http;

/// <summary>
/// Runs one request through a component (spec §3): a fresh instance per call, from a module
/// compiled and linked once at startup. Implementations are thread-safe; calls run in parallel.
/// Guest code runs synchronously on the calling thread.
/// </summary>
internal interface IHttpExecutor
{
    /// <summary>
    /// Handles the request. A guest trap or failure throws (the caller answers 500 and logs the
    /// exception); guest-visible protocol answers (405, 500 for a bad status) are returned.
    /// </summary>
    GuestHttpResponse Execute(GuestHttpRequest request, HttpRouteContext route);
}
