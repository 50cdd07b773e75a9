using NomadWasm.Wasm.Model;

namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// A global instance (Wasm 2.0 §4.2.10). Imported and exported globals are shared by reference:
/// every instance that has this global reads and writes this object.
/// </summary>
public sealed class Global
{
    // Read and written by compiled code: integers and float bits in Bits, references in RefValue.
    internal long Bits;
    internal object? RefValue;

    public Global(GlobalType type, Value value)
    {
        Type = type;
        Store(value);
    }

    public GlobalType Type { get; }

    /// <summary>The current value. Setting an immutable global throws <see cref="InvalidOperationException"/>.</summary>
    public Value Value
    {
        get => Value.FromBits(Type.Type, Type.Type.IsReference() ? 0 : Bits, RefValue);
        set
        {
            if (!Type.Mutable)
            {
                throw new InvalidOperationException("cannot set an immutable global");
            }

            Store(value);
        }
    }

    private void Store(Value value)
    {
        if (value.Type != Type.Type)
        {
            throw new ArgumentException($"global of type {Type.Type.ToWatName()} cannot hold a {value.Type.ToWatName()}", nameof(value));
        }

        Bits = value.Bits;
        RefValue = value.Ref;
    }
}
