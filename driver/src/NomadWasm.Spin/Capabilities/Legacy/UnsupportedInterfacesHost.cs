using NomadWasm.Spin.Capabilities.Abi;
using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Capabilities.Legacy;

/// <summary>
/// Spin 1.x interfaces NomadWasm links but does not implement yet: <c>outbound-pg</c>,
/// <c>outbound-mysql</c>, <c>sqlite</c> and <c>llm</c> (spec §3b "Import modules the Spin adapter
/// maps"). Modules importing them load and run; each call returns that interface's own error value
/// (wit/deps/spin@unversioned/*.wit), never a trap:
/// <code>
/// outbound-pg|mysql.query  (addr, stmt, params, ret) result&lt;row-set, E&gt;  err: 4 tag, 8/12 message
/// outbound-pg.execute      (addr, stmt, params, ret) result&lt;u64, E&gt;      err: 8 tag, 12/16 message
/// outbound-mysql.execute   (addr, stmt, params, ret) result&lt;_, E&gt;        err: 4 tag, 8/12 message
///   E = success=0 connection-failed=1 bad-parameter=2 query-failed=3 value-conversion-failed=4 other-error=5
/// sqlite.open (name, ret) / sqlite.execute (conn, stmt, params, ret)   err: 4 tag, 8/12 io message
///   no-such-database=0 access-denied=1 invalid-connection=2 database-full=3 io=4
/// llm.infer (model, prompt, option&lt;params&gt; ×7, ret) / llm.generate-embeddings (model, text, ret)
///   err: 4 tag, 8/12 message; model-not-supported=0 runtime-error=1 invalid-input=2
/// </code>
/// </summary>
internal static class UnsupportedInterfacesHost
{
    public const string PostgresModule = "outbound-pg";
    public const string MysqlModule = "outbound-mysql";
    public const string SqliteModule = "sqlite";
    public const string LlmModule = "llm";

    private const byte ConnectionFailed = 1;
    private const byte OtherError = 5;

    /// <summary>pg/mysql query and execute: <paramref name="errorOffset"/> is 4, or 8 for <c>result&lt;u64, E&gt;</c>.</summary>
    public static void Database(IGuestMemory memory, AllowedOutboundHosts allowed, string module, uint a, uint al, uint ret, uint errorOffset)
    {
        var address = GuestAbi.ReadString(memory, a, al);
        var permitted = Uri.TryCreate(address, UriKind.Absolute, out var uri) && allowed.IsAllowed(uri);
        var (tag, message) = permitted
            ? (OtherError, $"{module} is not supported by nomad-wasm")
            : (ConnectionFailed, $"address {address} is not permitted");
        WriteError(memory, ret, errorOffset, tag, message);
    }

    /// <summary><c>sqlite.open</c>: access-denied for unlisted labels, else io("not supported").</summary>
    public static void SqliteOpen(IGuestMemory memory, IReadOnlyList<string> allowedDatabases, uint n, uint nl, uint ret)
    {
        var label = GuestAbi.ReadString(memory, n, nl);
        if (!allowedDatabases.Contains(label))
        {
            WriteError(memory, ret, 4, 1, null);
            return;
        }

        WriteError(memory, ret, 4, 4, "sqlite is not supported by nomad-wasm");
    }

    /// <summary><c>sqlite.execute</c>: no connection can exist, so always invalid-connection.</summary>
    public static void SqliteExecute(IGuestMemory memory, uint ret) => WriteError(memory, ret, 4, 2, null);

    /// <summary><c>llm.infer</c> / <c>llm.generate-embeddings</c>.</summary>
    public static void Llm(IGuestMemory memory, IReadOnlyList<string> allowedModels, uint m, uint ml, uint ret)
    {
        var model = GuestAbi.ReadString(memory, m, ml);
        if (!allowedModels.Contains(model))
        {
            WriteError(memory, ret, 4, 0, null);
            return;
        }

        WriteError(memory, ret, 4, 1, "Local LLM operations are not supported in this version of Spin.");
    }

    private static void WriteError(IGuestMemory memory, uint ret, uint errorOffset, byte tag, string? message)
    {
        GuestAbi.WriteU8(memory, ret, 1);
        GuestAbi.WriteU8(memory, ret + errorOffset, tag);
        if (message is not null)
        {
            var (address, length) = GuestAbi.WriteString(memory, message);
            GuestAbi.WriteU32(memory, ret + errorOffset + 4, address);
            GuestAbi.WriteU32(memory, ret + errorOffset + 8, length);
        }
    }
}
