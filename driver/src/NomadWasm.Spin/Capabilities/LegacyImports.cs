using NomadWasm.Spin.Capabilities.Abi;
using NomadWasm.Spin.Capabilities.KeyValue;
using NomadWasm.Spin.Capabilities.Legacy;
using NomadWasm.Spin.Capabilities.OutboundHttp;
using NomadWasm.Spin.Capabilities.Redis;
using NomadWasm.Spin.Capabilities.Variables;
using NomadWasm.Wasm.Model;
using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Spin.Capabilities;

/// <summary>
/// Defines every host import Spin 1.x offered to old wit-bindgen 0.2 modules (spec §3b): module =
/// interface name, function = WIT function name, flattened i32 parameters plus a trailing return
/// pointer. Each host function finds its <see cref="InstanceState"/> in <c>Store.Data</c>.
/// </summary>
internal static class LegacyImports
{
    private delegate void Body(InstanceState state, IGuestMemory memory, ReadOnlySpan<Value> args);

    /// <summary>Defines all legacy imports on <paramref name="linker"/>.</summary>
    public static void AddTo(Linker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);

        I32(linker, SpinConfigHost.Module, "get-config", 3, static (s, m, a) => SpinConfigHost.GetConfig(m, s.Services.Variables, U(a[0]), U(a[1]), U(a[2])));

        I32(linker, OutboundHttpHost.Module, "request", 11, static (s, m, a) =>
        {
            Span<int> raw = stackalloc int[11];
            for (var i = 0; i < 11; i++)
            {
                raw[i] = a[i].I32;
            }

            OutboundHttpHost.Request(m, s.Services.OutboundHttp, raw);
        });

        I32(linker, KeyValueHost.Module, "open", 3, static (s, m, a) => KeyValueHost.Open(m, s.Services.KeyValue, s.KeyValueHandles, U(a[0]), U(a[1]), U(a[2])));
        I32(linker, KeyValueHost.Module, "get", 4, static (s, m, a) => KeyValueHost.Get(m, s.KeyValueHandles, U(a[0]), U(a[1]), U(a[2]), U(a[3])));
        I32(linker, KeyValueHost.Module, "set", 6, static (s, m, a) => KeyValueHost.Set(m, s.KeyValueHandles, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5])));
        I32(linker, KeyValueHost.Module, "delete", 4, static (s, m, a) => KeyValueHost.Delete(m, s.KeyValueHandles, U(a[0]), U(a[1]), U(a[2]), U(a[3])));
        I32(linker, KeyValueHost.Module, "exists", 4, static (s, m, a) => KeyValueHost.Exists(m, s.KeyValueHandles, U(a[0]), U(a[1]), U(a[2]), U(a[3])));
        I32(linker, KeyValueHost.Module, "get-keys", 2, static (s, m, a) => KeyValueHost.GetKeys(m, s.KeyValueHandles, U(a[0]), U(a[1])));
        I32(linker, KeyValueHost.Module, "close", 1, static (s, _, a) => KeyValueHost.Close(s.KeyValueHandles, U(a[0])), needsMemory: false);

        const string redis = OutboundRedisHost.Module;
        I32(linker, redis, "publish", 7, static (s, m, a) => OutboundRedisHost.Publish(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]), U(a[6])));
        I32(linker, redis, "set", 7, static (s, m, a) => OutboundRedisHost.Set(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]), U(a[6])));
        I32(linker, redis, "get", 5, static (s, m, a) => OutboundRedisHost.Get(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4])));
        I32(linker, redis, "incr", 5, static (s, m, a) => OutboundRedisHost.Incr(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4])));
        I32(linker, redis, "del", 5, static (s, m, a) => OutboundRedisHost.Del(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4])));
        I32(linker, redis, "sadd", 7, static (s, m, a) => OutboundRedisHost.Sadd(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]), U(a[6])));
        I32(linker, redis, "smembers", 5, static (s, m, a) => OutboundRedisHost.Smembers(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4])));
        I32(linker, redis, "srem", 7, static (s, m, a) => OutboundRedisHost.Srem(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]), U(a[6])));
        I32(linker, redis, "execute", 7, static (s, m, a) => OutboundRedisHost.Execute(m, s.Services.Redis, U(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]), U(a[6])));

        foreach (var module in new[] { UnsupportedInterfacesHost.PostgresModule, UnsupportedInterfacesHost.MysqlModule })
        {
            var name = module;
            I32(linker, module, "query", 7, (s, m, a) => UnsupportedInterfacesHost.Database(m, s.Services.Component.AllowedOutboundHosts, name, U(a[0]), U(a[1]), U(a[6]), 4));
            var executeErrorOffset = module == UnsupportedInterfacesHost.PostgresModule ? 8u : 4u; // result<u64, E> vs result<_, E>
            I32(linker, module, "execute", 7, (s, m, a) => UnsupportedInterfacesHost.Database(m, s.Services.Component.AllowedOutboundHosts, name, U(a[0]), U(a[1]), U(a[6]), executeErrorOffset));
        }

        I32(linker, UnsupportedInterfacesHost.SqliteModule, "open", 3, static (s, m, a) => UnsupportedInterfacesHost.SqliteOpen(m, s.Services.Component.SqliteDatabases, U(a[0]), U(a[1]), U(a[2])));
        I32(linker, UnsupportedInterfacesHost.SqliteModule, "execute", 6, static (_, m, a) => UnsupportedInterfacesHost.SqliteExecute(m, U(a[5])));
        I32(linker, UnsupportedInterfacesHost.SqliteModule, "close", 1, static (_, _, _) => { }, needsMemory: false);

        ValType[] inferParams = [ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.I32, ValType.F32, ValType.I32, ValType.F32, ValType.I32, ValType.F32, ValType.I32];
        Define(linker, UnsupportedInterfacesHost.LlmModule, "infer", new FuncType(inferParams, []), static (s, m, a) => UnsupportedInterfacesHost.Llm(m, s.Services.Component.AiModels, U(a[0]), U(a[1]), U(a[11])));
        I32(linker, UnsupportedInterfacesHost.LlmModule, "generate-embeddings", 5, static (s, m, a) => UnsupportedInterfacesHost.Llm(m, s.Services.Component.AiModels, U(a[0]), U(a[1]), U(a[4])));
    }

    private static uint U(Value value) => (uint)value.I32;

    private static void I32(Linker linker, string module, string name, int parameterCount, Body body, bool needsMemory = true)
    {
        var parameters = new ValType[parameterCount];
        Array.Fill(parameters, ValType.I32);
        Define(linker, module, name, new FuncType(parameters, []), body, needsMemory);
    }

    private static void Define(Linker linker, string module, string name, FuncType type, Body body, bool needsMemory = true)
    {
        var qualified = module + "." + name;
        linker.DefineFunction(module, name, type, (caller, args, _) =>
        {
            var state = caller.Store?.Data as InstanceState
                ?? throw new InvalidOperationException($"{qualified} called but the store's Data is not a Spin instance state");
            var memory = needsMemory ? state.GuestMemory(caller) : null!;
            body(state, memory, args);
        });
    }
}
