using NomadWasm.Wasm.Runtime;

namespace NomadWasm.Spin.Capabilities.Abi;

/// <summary>
/// <see cref="IGuestMemory"/> over a live instance: its exported <c>memory</c> and its
/// <c>canonical_abi_realloc</c> / <c>canonical_abi_free</c> exports. One per instance; not thread-safe
/// (an instance runs on one thread at a time).
/// </summary>
internal sealed class EngineGuestMemory : IGuestMemory
{
    public const string ReallocExport = "canonical_abi_realloc";
    public const string FreeExport = "canonical_abi_free";

    private readonly Memory _memory;
    private readonly Function _realloc;
    private readonly Function _free;
    private readonly Value[] _reallocArgs = new Value[4];
    private readonly Value[] _freeArgs = new Value[3];
    private readonly Value[] _result = new Value[1];

    private EngineGuestMemory(Memory memory, Function realloc, Function free)
    {
        _memory = memory;
        _realloc = realloc;
        _free = free;
    }

    /// <summary>Binds to <paramref name="instance"/>'s exports.</summary>
    /// <exception cref="GuestAbiException">An export is missing.</exception>
    public static EngineGuestMemory Create(Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var memory = instance.GetMemory("memory") ?? throw new GuestAbiException("the module does not export its `memory`");
        var realloc = instance.GetFunction(ReallocExport) ?? throw new GuestAbiException($"the module does not export `{ReallocExport}`");
        var free = instance.GetFunction(FreeExport) ?? throw new GuestAbiException($"the module does not export `{FreeExport}`");
        return new EngineGuestMemory(memory, realloc, free);
    }

    public Span<byte> Slice(uint address, uint length) => _memory.GetSpan(address, length);

    public uint Allocate(uint size, uint align)
    {
        _reallocArgs[0] = Value.FromI32(0);
        _reallocArgs[1] = Value.FromI32(0);
        _reallocArgs[2] = Value.FromI32((int)align);
        _reallocArgs[3] = Value.FromI32((int)size);
        _realloc.Invoke(_reallocArgs, _result);
        var address = (uint)_result[0].I32;
        if (address == 0 && size != 0)
        {
            throw new GuestAbiException($"{ReallocExport}(0, 0, {align}, {size}) returned a null pointer");
        }

        return address;
    }

    public void Free(uint address, uint size, uint align)
    {
        _freeArgs[0] = Value.FromI32((int)address);
        _freeArgs[1] = Value.FromI32((int)size);
        _freeArgs[2] = Value.FromI32((int)align);
        _free.Invoke(_freeArgs, []);
    }
}
