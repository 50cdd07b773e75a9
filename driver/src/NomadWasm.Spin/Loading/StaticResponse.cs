namespace NomadWasm.Spin.Loading;

/// <summary>An HTTP trigger's <c>static_response</c> (spec §1.5, §2.9).</summary>
/// <param name="StatusCode">The status code; default 200.</param>
/// <param name="Headers">Response headers, in manifest order.</param>
/// <param name="Body">The text body, or null for an empty body.</param>
public sealed record StaticResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body);
