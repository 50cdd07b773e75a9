namespace NomadWasm.Wasm.Wasi.Preview1.Descriptors;

/// <summary>An entry of the fd table: stdio stream, open file or directory.</summary>
internal abstract class Descriptor : IDisposable
{
    protected Descriptor(Rights rightsBase, Rights rightsInheriting)
    {
        RightsBase = rightsBase;
        RightsInheriting = rightsInheriting;
    }

    /// <summary>What this descriptor may do (fdstat.fs_rights_base).</summary>
    public Rights RightsBase { get; set; }

    /// <summary>What descriptors opened through it may get (fdstat.fs_rights_inheriting).</summary>
    public Rights RightsInheriting { get; set; }

    /// <summary>fdstat.fs_flags.</summary>
    public FdFlags Flags { get; set; }

    public abstract FileType Type { get; }

    /// <summary>ENOTCAPABLE unless every right in <paramref name="required"/> is held.</summary>
    public Errno Require(Rights required) =>
        (RightsBase & required) == required ? Errno.Success : Errno.NotCapable;

    public virtual void Dispose()
    {
    }
}
