namespace NomadWasm.Wasm.Runtime;

/// <summary>
/// What a host function knows about its caller: the calling instance (null when the embedder
/// invoked the host function directly), its store and its memory 0.
/// </summary>
public readonly struct Caller
{
    private readonly VmContext? _context;

    internal Caller(VmContext? context) => _context = context;

    /// <summary>The calling instance, or null when called from the host.</summary>
    public Instance? Instance => _context?.Instance;

    /// <summary>The calling instance's store, or null when called from the host.</summary>
    public Store? Store => _context?.Store;

    /// <summary>The calling instance's memory 0, or null.</summary>
    public Memory? Memory => _context?.Memory0;
}
