namespace NomadWasm.Wasm.Wasi.Preview1.Descriptors;

/// <summary>fd 0/1/2: a host <see cref="Stream"/> (or nothing: EOF on read, discard on write).</summary>
internal sealed class StreamDescriptor : Descriptor
{
    public StreamDescriptor(Stream? stream, bool isInput, bool isTerminal)
        : base(Rights.Stdio, Rights.None)
    {
        Stream = stream;
        IsInput = isInput;
        Type = isTerminal ? FileType.CharacterDevice : FileType.Unknown;
    }

    public Stream? Stream { get; }

    public bool IsInput { get; }

    public override FileType Type { get; }
}
