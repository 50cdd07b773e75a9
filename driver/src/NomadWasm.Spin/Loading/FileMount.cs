namespace NomadWasm.Spin.Loading;

/// <summary>One file placed in a component's guest file system (spec §1.7).</summary>
/// <param name="SourcePath">Absolute host path of the file.</param>
/// <param name="GuestPath">Absolute guest path (starts with <c>/</c>, <c>/</c>-separated).</param>
public sealed record FileMount(string SourcePath, string GuestPath);
