using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1.Descriptors;

/// <summary>A regular file (or other non-directory) opened by <c>path_open</c>: a host fd.</summary>
internal sealed class FileDescriptor : Descriptor
{
    private int _fd;

    public FileDescriptor(int fd, string hostPath, bool readOnlyMount, Rights rightsBase, Rights rightsInheriting, FileType type)
        : base(rightsBase, rightsInheriting)
    {
        _fd = fd;
        HostPath = hostPath;
        ReadOnlyMount = readOnlyMount;
        Type = type;
    }

    /// <summary>The host file descriptor; -1 once closed.</summary>
    public int Fd => _fd;

    /// <summary>For diagnostics only; never used to reach the file again.</summary>
    public string HostPath { get; }

    public bool ReadOnlyMount { get; }

    public override FileType Type { get; }

    public override void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = Libc.Close(fd);
        }
    }
}
