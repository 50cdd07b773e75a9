using System.Collections.Concurrent;
using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// Canonical function type ids for one engine: structurally equal types get the same id, so
/// call_indirect's signature check is one integer compare.
/// </summary>
internal sealed class TypeRegistry
{
    private readonly ConcurrentDictionary<FuncType, int> _ids = new();
    private int _next;

    public int GetId(FuncType type) => _ids.GetOrAdd(type, _ => Interlocked.Increment(ref _next));
}
