using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Capabilities.Redis;

/// <summary>What the Redis host functions need from the component.</summary>
internal sealed record RedisContext(string ComponentId, AllowedOutboundHosts AllowedHosts, RedisConnectionPool Pool, IRuntimeLog Log);
