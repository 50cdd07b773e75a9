using NomadWasm.Spin.Capabilities.Abi;

namespace NomadWasm.Spin.Http.InboundHttp;

/// <summary>
/// The old wit-bindgen 0.2 calling convention of <c>handle-http-request</c> (spec §3b):
/// <code>
/// handle-http-request(method, uri ptr, uri len, headers ptr, headers len, params ptr, params len,
///                     body tag (0 none / 1 some), body ptr, body len) -> i32 response record
///
/// response record (28 bytes, align 4):
///  0: status u16   4: headers? u8   8: headers ptr  12: headers count
/// 16: body? u8    20: body ptr     24: body len
/// </code>
/// The host allocates the arguments with <c>canonical_abi_realloc</c> (the guest owns them
/// afterwards) and frees every buffer of the response with <c>canonical_abi_free</c>, exactly as
/// Spin's adapter does in <c>cabi_post_fermyon:spin/inbound-http#handle-request</c>.
/// </summary>
internal static class InboundHttpAbi
{
    /// <summary>Export name of the handler.</summary>
    public const string HandlerExport = "handle-http-request";

    public const int ParameterCount = 10;

    /// <summary>The <c>method</c> enum: get=0, post=1, put=2, delete=3, patch=4, head=5, options=6; -1 when unsupported (→ 405).</summary>
    public static int MethodIndex(string method) => method switch
    {
        "GET" => 0,
        "POST" => 1,
        "PUT" => 2,
        "DELETE" => 3,
        "PATCH" => 4,
        "HEAD" => 5,
        "OPTIONS" => 6,
        _ => -1,
    };

    /// <summary>The method name for an enum index (outbound requests), or null when out of range.</summary>
    public static string? MethodName(uint index) => index switch
    {
        0 => "GET",
        1 => "POST",
        2 => "PUT",
        3 => "DELETE",
        4 => "PATCH",
        5 => "HEAD",
        6 => "OPTIONS",
        _ => null,
    };

    /// <summary>
    /// Lowers a request into the guest; fills <paramref name="arguments"/> with the ten flat parameters.
    /// Spin passes <c>params</c> always empty and <c>body</c> always present (spec §3b).
    /// </summary>
    public static void LowerRequest(
        IGuestMemory memory,
        int method,
        string uri,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        Span<int> arguments)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (arguments.Length < ParameterCount)
        {
            throw new ArgumentException("ten argument slots are needed", nameof(arguments));
        }

        var (uriAddress, uriLength) = GuestAbi.WriteString(memory, uri);
        var (headersAddress, headersCount) = GuestAbi.WritePairs(memory, headers);
        var (bodyAddress, bodyLength) = GuestAbi.WriteBytes(memory, body);
        arguments[0] = method;
        arguments[1] = (int)uriAddress;
        arguments[2] = (int)uriLength;
        arguments[3] = (int)headersAddress;
        arguments[4] = (int)headersCount;
        arguments[5] = 4; // params: empty list (dangling pointer = alignment)
        arguments[6] = 0;
        arguments[7] = 1; // body: some
        arguments[8] = (int)bodyAddress;
        arguments[9] = (int)bodyLength;
    }

    /// <summary>Reads the response record at <paramref name="record"/> and frees its buffers.</summary>
    public static GuestHttpResponse LiftResponse(IGuestMemory memory, uint record)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var status = GuestAbi.ReadU16(memory, record);
        List<KeyValuePair<string, string>> headers = [];
        ReadOnlyMemory<byte> body = ReadOnlyMemory<byte>.Empty;

        if (GuestAbi.ReadU8(memory, record + 4) != 0)
        {
            var list = GuestAbi.ReadU32(memory, record + 8);
            var count = GuestAbi.ReadU32(memory, record + 12);
            headers = GuestAbi.ReadPairs(memory, list, count);
            for (uint i = 0; i < count; i++)
            {
                var element = list + (i * 16);
                memory.Free(GuestAbi.ReadU32(memory, element), GuestAbi.ReadU32(memory, element + 4), 1);
                memory.Free(GuestAbi.ReadU32(memory, element + 8), GuestAbi.ReadU32(memory, element + 12), 1);
            }

            memory.Free(list, count * 16, 4);
        }

        if (GuestAbi.ReadU8(memory, record + 16) != 0)
        {
            var address = GuestAbi.ReadU32(memory, record + 20);
            var length = GuestAbi.ReadU32(memory, record + 24);
            body = GuestAbi.ReadBytes(memory, address, length);
            memory.Free(address, length, 1);
        }

        return new GuestHttpResponse(status, headers, body);
    }
}
