namespace NomadWasm.Wasm.Model;

/// <summary>A function type (Wasm 2.0 §2.3.5). Compared structurally.</summary>
public sealed class FuncType : IEquatable<FuncType>
{
    public FuncType(ValType[] parameters, ValType[] results)
    {
        Parameters = parameters;
        Results = results;
    }

    public IReadOnlyList<ValType> Parameters { get; }

    public IReadOnlyList<ValType> Results { get; }

    public bool Equals(FuncType? other) =>
        other is not null && Parameters.SequenceEqual(other.Parameters) && Results.SequenceEqual(other.Results);

    public override bool Equals(object? obj) => Equals(obj as FuncType);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Parameters)
        {
            hash.Add(p);
        }

        hash.Add(-1);
        foreach (var r in Results)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(' ', Parameters.Select(p => p.ToWatName()))}] -> [{string.Join(' ', Results.Select(r => r.ToWatName()))}]";
}
