using NomadWasm.Wasm.Wasi.Preview1.Descriptors;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// The guest's file descriptor numbers. New descriptors take the lowest free number, as POSIX
/// open does.
/// </summary>
internal sealed class FdTable : IDisposable
{
    private Descriptor?[] _entries;

    public FdTable(int capacity) => _entries = new Descriptor?[Math.Max(capacity, 4)];

    public Descriptor? Get(int fd) => (uint)fd < (uint)_entries.Length ? _entries[fd] : null;

    public Errno Get<T>(int fd, out T descriptor)
        where T : Descriptor
    {
        switch (Get(fd))
        {
            case T typed:
                descriptor = typed;
                return Errno.Success;
            case null:
                descriptor = null!;
                return Errno.Badf;
            default:
                // Right kind of fd number, wrong kind of object: a file where a directory was
                // needed is ENOTDIR; anything else (e.g. stdio) is EBADF.
                descriptor = null!;
                return typeof(T) == typeof(DirectoryDescriptor) ? Errno.NotDir : Errno.Badf;
        }
    }

    /// <summary>Puts <paramref name="descriptor"/> at the lowest free number.</summary>
    public int Add(Descriptor descriptor)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (_entries[i] is null)
            {
                _entries[i] = descriptor;
                return i;
            }
        }

        var fd = _entries.Length;
        Array.Resize(ref _entries, _entries.Length * 2);
        _entries[fd] = descriptor;
        return fd;
    }

    /// <summary>Puts <paramref name="descriptor"/> at exactly <paramref name="fd"/> (startup layout).</summary>
    public void Set(int fd, Descriptor descriptor)
    {
        if (fd >= _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(fd + 1, _entries.Length * 2));
        }

        _entries[fd] = descriptor;
    }

    public Descriptor? Remove(int fd)
    {
        var descriptor = Get(fd);
        if (descriptor is not null)
        {
            _entries[fd] = null;
        }

        return descriptor;
    }

    public void Dispose()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            _entries[i]?.Dispose();
            _entries[i] = null;
        }
    }
}
