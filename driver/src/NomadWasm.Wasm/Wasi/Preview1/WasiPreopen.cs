namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// A host directory made visible to the guest as a preopened descriptor (fd 3, 4, … in order).
/// A read-only preopen (Spin's <c>files</c>) refuses every mutation with <c>EPERM</c>, as wasmtime
/// does for a preopen without <c>DirPerms::MUTATE</c> / <c>FilePerms::WRITE</c>.
/// </summary>
/// <param name="HostPath">The host directory. Made absolute when the configuration is built.</param>
/// <param name="GuestPath">The name the guest sees (<c>fd_prestat_dir_name</c>), e.g. "/" or "data".</param>
/// <param name="ReadOnly">True to forbid writes, creates, renames, removals and time changes.</param>
public sealed record WasiPreopen(string HostPath, string GuestPath, bool ReadOnly = false);
