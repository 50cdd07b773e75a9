using System.Text;
using NomadWasm.Spin.Capabilities.Abi;

namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>
/// Host side of the Spin 1.x <c>outbound-redis</c> import module (spec §4.4; wit/ephemeral/outbound-redis.wit).
/// Every function takes the server address first and writes an <c>expected&lt;T, error&gt;</c> whose
/// error is the enum <c>success=0, error=1</c>:
/// <code>
/// publish/set  (addr, channel|key, payload, ret)  ret: 0 tag, 1 error             (2 bytes)
/// get          (addr, key, ret)                   ret: 0 tag, 4/8 bytes ptr/len    (12 bytes, err at 4)
/// smembers     (addr, key, ret)                   ret: 0 tag, 4/8 list&lt;string&gt;   (12 bytes, err at 4)
/// execute      (addr, command, args, ret)         ret: 0 tag, 4/8 list&lt;redis-result&gt; (12 bytes, err at 4)
/// incr/del/sadd/srem                              ret: 0 tag, 8 s64                (16 bytes, err at 8)
/// redis-parameter / redis-result: 16 bytes, align 8: 0 tag, 8 payload (s64 or ptr/len at 8/12)
///   parameter: str=0 int64=1 binary=2     result: nil=0 status=1 int64=2 binary=3
/// </code>
/// The address must be allowed by the component's <c>allowed_outbound_hosts</c> (scheme <c>redis</c>);
/// a denied address, a connection failure or an error reply all surface as <c>error</c> (the v1
/// interface has no finer error), with the reason logged.
/// </summary>
internal static class OutboundRedisHost
{
    public const string Module = "outbound-redis";

    private const byte ErrorTag = 1;

    public static void Publish(IGuestMemory memory, RedisContext context, uint a, uint al, uint c, uint cl, uint p, uint pl, uint ret) =>
        Unit(memory, context, ret, a, al, "PUBLISH", [Text(memory, c, cl), GuestAbi.ReadBytes(memory, p, pl)]);

    public static void Set(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint v, uint vl, uint ret) =>
        Unit(memory, context, ret, a, al, "SET", [Text(memory, k, kl), GuestAbi.ReadBytes(memory, v, vl)]);

    public static void Get(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint ret)
    {
        var reply = Run(memory, context, a, al, "GET", [Text(memory, k, kl)]);
        switch (reply)
        {
            case RespValue.BulkString bulk:
                WriteBytesResult(memory, ret, bulk.Value);
                break;
            case RespValue.Nil:
                WriteBytesResult(memory, ret, []); // a missing key reads as an empty payload, as Spin 1.x did
                break;
            default:
                Fail(memory, ret, 4, context, "GET", reply);
                break;
        }
    }

    public static void Incr(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint ret) =>
        Integer(memory, context, ret, Run(memory, context, a, al, "INCR", [Text(memory, k, kl)]), "INCR");

    public static void Del(IGuestMemory memory, RedisContext context, uint a, uint al, uint keys, uint keyCount, uint ret) =>
        Integer(memory, context, ret, Run(memory, context, a, al, "DEL", TextList(memory, keys, keyCount)), "DEL");

    public static void Sadd(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint values, uint valueCount, uint ret) =>
        Integer(memory, context, ret, Run(memory, context, a, al, "SADD", [Text(memory, k, kl), .. TextList(memory, values, valueCount)]), "SADD");

    public static void Srem(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint values, uint valueCount, uint ret) =>
        Integer(memory, context, ret, Run(memory, context, a, al, "SREM", [Text(memory, k, kl), .. TextList(memory, values, valueCount)]), "SREM");

    public static void Smembers(IGuestMemory memory, RedisContext context, uint a, uint al, uint k, uint kl, uint ret)
    {
        var reply = Run(memory, context, a, al, "SMEMBERS", [Text(memory, k, kl)]);
        if (reply is not RespValue.Array array)
        {
            Fail(memory, ret, 4, context, "SMEMBERS", reply);
            return;
        }

        var members = new List<string>(array.Items.Count);
        foreach (var item in array.Items)
        {
            members.Add(item is RespValue.BulkString bulk ? Encoding.UTF8.GetString(bulk.Value) : "");
        }

        var (address, count) = GuestAbi.WriteStringList(memory, members);
        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteU32(memory, ret + 4, address);
        GuestAbi.WriteU32(memory, ret + 8, count);
    }

    public static void Execute(IGuestMemory memory, RedisContext context, uint a, uint al, uint c, uint cl, uint args, uint argCount, uint ret)
    {
        var command = GuestAbi.ReadString(memory, c, cl);
        var arguments = new List<byte[]>((int)Math.Min(argCount, 1024));
        for (uint i = 0; i < argCount; i++)
        {
            var element = args + (i * 16);
            var tag = GuestAbi.ReadU8(memory, element);
            arguments.Add(tag switch
            {
                1 => Encoding.ASCII.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(memory.Slice(element + 8, 8)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                0 or 2 => GuestAbi.ReadBytes(memory, GuestAbi.ReadU32(memory, element + 8), GuestAbi.ReadU32(memory, element + 12)),
                _ => throw new GuestAbiException($"redis-parameter tag {tag} is out of range"),
            });
        }

        var reply = Run(memory, context, a, al, command, arguments);
        if (reply is null or RespValue.Error)
        {
            Fail(memory, ret, 4, context, command, reply);
            return;
        }

        var results = new List<RespValue>();
        Flatten(reply, results);
        var list = results.Count == 0 ? 8u : memory.Allocate((uint)results.Count * 16, 8);
        for (var i = 0; i < results.Count; i++)
        {
            var element = list + ((uint)i * 16);
            memory.Slice(element, 16).Clear();
            switch (results[i])
            {
                case RespValue.SimpleString status:
                    GuestAbi.WriteU8(memory, element, 1);
                    WritePointer(memory, element + 8, GuestAbi.WriteString(memory, status.Value));
                    break;
                case RespValue.Integer integer:
                    GuestAbi.WriteU8(memory, element, 2);
                    GuestAbi.WriteI64(memory, element + 8, integer.Value);
                    break;
                case RespValue.BulkString bulk:
                    GuestAbi.WriteU8(memory, element, 3);
                    WritePointer(memory, element + 8, GuestAbi.WriteBytes(memory, bulk.Value));
                    break;
                default:
                    GuestAbi.WriteU8(memory, element, 0);
                    break;
            }
        }

        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteU32(memory, ret + 4, list);
        GuestAbi.WriteU32(memory, ret + 8, (uint)results.Count);
    }

    private static void Flatten(RespValue value, List<RespValue> into)
    {
        if (value is RespValue.Array array)
        {
            foreach (var item in array.Items)
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add(value);
        }
    }

    private static void Unit(IGuestMemory memory, RedisContext context, uint ret, uint a, uint al, string command, IReadOnlyList<byte[]> arguments)
    {
        var reply = Run(memory, context, a, al, command, arguments);
        if (reply is null or RespValue.Error)
        {
            Fail(memory, ret, 1, context, command, reply);
            return;
        }

        GuestAbi.WriteU8(memory, ret, 0);
    }

    private static void Integer(IGuestMemory memory, RedisContext context, uint ret, RespValue? reply, string command)
    {
        if (reply is not RespValue.Integer integer)
        {
            Fail(memory, ret, 8, context, command, reply);
            return;
        }

        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteI64(memory, ret + 8, integer.Value);
    }

    private static void WriteBytesResult(IGuestMemory memory, uint ret, byte[] value)
    {
        var (address, length) = GuestAbi.WriteBytes(memory, value);
        GuestAbi.WriteU8(memory, ret, 0);
        GuestAbi.WriteU32(memory, ret + 4, address);
        GuestAbi.WriteU32(memory, ret + 8, length);
    }

    private static void WritePointer(IGuestMemory memory, uint at, (uint Address, uint Length) value)
    {
        GuestAbi.WriteU32(memory, at, value.Address);
        GuestAbi.WriteU32(memory, at + 4, value.Length);
    }

    /// <summary>Runs a command; null when the address is denied or the connection failed (already logged).</summary>
    private static RespValue? Run(IGuestMemory memory, RedisContext context, uint a, uint al, string command, IReadOnlyList<byte[]> arguments)
    {
        var text = GuestAbi.ReadString(memory, a, al);
        var address = RedisAddress.TryParse(text);
        if (address is null)
        {
            context.Log.Error($"{context.ComponentId}: outbound redis: invalid address '{text}'");
            return null;
        }

        if (!context.AllowedHosts.IsAllowed(address.Uri))
        {
            context.Log.Error($"{context.ComponentId}: outbound redis: destination '{address.Host}:{address.Port}' is not allowed; add \"redis://{address.Host}:{address.Port}\" to allowed_outbound_hosts");
            return null;
        }

        try
        {
            return context.Pool.Execute(address, command, arguments);
        }
        catch (RedisException e)
        {
            context.Log.Error($"{context.ComponentId}: outbound redis: {e.Message}");
            return null;
        }
    }

    private static void Fail(IGuestMemory memory, uint ret, uint errorOffset, RedisContext context, string command, RespValue? reply)
    {
        if (reply is not null)
        {
            var detail = reply is RespValue.Error error ? error.Message : $"unexpected reply {reply.GetType().Name}";
            context.Log.Error($"{context.ComponentId}: outbound redis {command}: {detail}");
        }

        GuestAbi.WriteU8(memory, ret, 1);
        GuestAbi.WriteU8(memory, ret + errorOffset, ErrorTag);
    }

    private static byte[] Text(IGuestMemory memory, uint address, uint length) => GuestAbi.ReadBytes(memory, address, length);

    private static List<byte[]> TextList(IGuestMemory memory, uint address, uint count)
    {
        var result = new List<byte[]>((int)Math.Min(count, 1024));
        for (uint i = 0; i < count; i++)
        {
            var element = address + (i * 8);
            result.Add(GuestAbi.ReadBytes(memory, GuestAbi.ReadU32(memory, element), GuestAbi.ReadU32(memory, element + 4)));
        }

        return result;
    }
}

