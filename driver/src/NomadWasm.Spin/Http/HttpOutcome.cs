namespace NomadWasm.Spin.Http;

/// <summary>A response plus what produced it, for the request log.</summary>
/// <param name="Response">What to send.</param>
/// <param name="Target">The component id (or trigger id for static responses, <c>well-known</c>), null when nothing matched.</param>
/// <param name="Error">The failure that turned into a 500, or null.</param>
internal readonly record struct HttpOutcome(GuestHttpResponse Response, string? Target, Exception? Error = null);
