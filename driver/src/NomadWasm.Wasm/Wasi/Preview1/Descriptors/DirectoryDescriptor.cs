namespace NomadWasm.Wasm.Wasi.Preview1.Descriptors;

/// <summary>
/// A directory inside a preopen: the preopen's host root plus the components below it (each a
/// real directory name when opened, never "." or ".."). No host handle is held, so creating one
/// costs no system call; every use re-resolves the components (<see cref="PathResolver"/>), so
/// a component the guest later swaps for a symlink is checked, not followed blindly.
/// </summary>
internal sealed class DirectoryDescriptor : Descriptor
{
    public DirectoryDescriptor(PreopenRoot root, IReadOnlyList<string> components, string? preopenName, Rights rightsBase, Rights rightsInheriting)
        : base(rightsBase, rightsInheriting)
    {
        Root = root;
        Components = components;
        PreopenName = preopenName;
    }

    public PreopenRoot Root { get; }

    public IReadOnlyList<string> Components { get; }

    /// <summary>The guest-visible preopen name (fd_prestat_dir_name); null for directories opened later.</summary>
    public string? PreopenName { get; }

    public override FileType Type => FileType.Directory;

    /// <summary>fd_readdir's snapshot, taken when a listing starts at cookie 0.</summary>
    public List<DirectoryEntry>? Listing { get; set; }
}

/// <summary>A preopen's host directory (absolute) and its mode.</summary>
internal sealed record PreopenRoot(string HostPath, bool ReadOnly)
{
    /// <summary>The host path of the first <paramref name="count"/> components below the root.</summary>
    public string Join(IReadOnlyList<string> components, int count)
    {
        if (count == 0)
        {
            return HostPath;
        }

        var builder = new System.Text.StringBuilder(HostPath, HostPath.Length + (count * 16));
        for (var i = 0; i < count; i++)
        {
            if (builder[^1] != '/')
            {
                builder.Append('/');
            }

            builder.Append(components[i]);
        }

        return builder.ToString();
    }
}

/// <summary>One fd_readdir entry.</summary>
internal readonly record struct DirectoryEntry(string Name, ulong Inode, FileType Type);
