namespace NomadWasm.Wasm.Model;

/// <summary>A custom section (Wasm 2.0 §5.5.3), kept as raw bytes.</summary>
public sealed record CustomSection(string Name, ReadOnlyMemory<byte> Data, int Offset);
