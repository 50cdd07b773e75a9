using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A function instance (Wasm 2.0 §4.2.6): a compiled wasm function bound to its instance, or a host
/// function. Also the value of a funcref. Calls from compiled code go straight to
/// <see cref="Code"/> with <see cref="Context"/> (call_indirect compares <see cref="TypeId"/> first).
/// </summary>
public sealed class Function
{
    // Read by compiled code for calls through imports and tables.
    internal readonly nint Code;
    internal readonly int TypeId;
    internal readonly VmContext Context;

    private readonly int _index;
    private EntryInvoker? _invoker;
    private string? _name;

    internal Function(FuncType type, int typeId, nint code, VmContext context, string? name, int index = -1)
    {
        Type = type;
        TypeId = typeId;
        Code = code;
        Context = context;
        _name = name;
        _index = index;
    }

    public FuncType Type { get; }

    /// <summary>The function's name for messages (name section, export or host definition).</summary>
    public string Name => _name ??= Context.FunctionName(_index);

    internal bool IsHost => Context.Host is not null;

    /// <summary>Calls the function. Traps surface as <see cref="Traps.TrapException"/>.</summary>
    public Value[] Invoke(params Value[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var results = new Value[Type.Results.Count];
        Invoke(args, results);
        return results;
    }

    /// <summary>Calls the function writing one value per result into <paramref name="results"/>.</summary>
    public void Invoke(ReadOnlySpan<Value> args, Span<Value> results)
    {
        CheckArguments(args, results.Length);
        _invoker ??= Context.Engine.Trampolines.GetEntryInvoker(Type);
        if (IsHost)
        {
            // Called by the embedder, not by an instance: the host function sees no caller.
            Compilation.Support.CallOps.t_caller = null;
        }

        GuestCall.Run(_invoker, Code, Context, args, results);
    }

    public override string ToString() => $"{Name} {Type}";

    private void CheckArguments(ReadOnlySpan<Value> args, int resultCount)
    {
        var parameters = Type.Parameters;
        if (args.Length != parameters.Count)
        {
            throw new ArgumentException($"{Name} takes {parameters.Count} argument(s), got {args.Length}", nameof(args));
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Type != parameters[i])
            {
                throw new ArgumentException($"{Name} argument {i} must be {parameters[i].ToWatName()}, got {args[i].Type.ToWatName()}", nameof(args));
            }
        }

        if (resultCount < Type.Results.Count)
        {
            throw new ArgumentException($"{Name} returns {Type.Results.Count} value(s); the results span holds {resultCount}", nameof(resultCount));
        }
    }
}
