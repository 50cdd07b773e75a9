using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>path_open.</summary>
internal static partial class Path
{
    // Rights that need a host descriptor opened for writing (wasi-libc's open() leaves exactly
    // these out of the rights it asks for when the access mode is O_RDONLY).
    private const Rights WriteRights = Rights.FdWrite | Rights.FdAllocate | Rights.FdFilestatSetSize | Rights.FdDatasync;

    /// <summary>
    /// <c>path_open(fd, dirflags: lookupflags, path, oflags, fs_rights_base, fs_rights_inheriting,
    /// fdflags) -> fd</c>. The requested rights must be within the directory's inheriting rights
    /// (else ENOTCAPABLE); read/write access follows the rights asked for (FD_READ → read,
    /// FD_WRITE etc. or fdflags APPEND → write). Directories are opened without a host handle.
    /// <code>fd_out: [u32 new fd]</code>
    /// </summary>
    public static Errno Open(
        WasiContext ctx,
        GuestMemory memory,
        int fd,
        uint dirFlags,
        uint path,
        uint pathLength,
        uint openFlags,
        ulong rightsBase,
        ulong rightsInheriting,
        uint fdFlags,
        uint fdOut)
    {
        memory.Struct(fdOut, 4, 4);
        var oflags = (OFlags)openFlags;
        var flags = (FdFlags)fdFlags;
        var requested = (Rights)rightsBase;
        var inheriting = (Rights)rightsInheriting;
        var error = memory.ReadString(path, pathLength, out var text);
        if (error != Errno.Success)
        {
            return error;
        }

        error = ctx.Fds.Get<DirectoryDescriptor>(fd, out var directory);
        if (error != Errno.Success)
        {
            return error;
        }

        var needed = Rights.PathOpen
            | ((oflags & OFlags.Creat) != 0 ? Rights.PathCreateFile : Rights.None)
            | ((oflags & OFlags.Trunc) != 0 ? Rights.PathFilestatSetSize : Rights.None);
        if (directory.Require(needed) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (((requested | inheriting) & ~directory.RightsInheriting) != 0)
        {
            return Errno.NotCapable;
        }

        var write = (requested & WriteRights) != 0 || (flags & FdFlags.Append) != 0;
        var read = (requested & (Rights.FdRead | Rights.FdReaddir)) != 0;
        if (directory.Root.ReadOnly && (write || (oflags & (OFlags.Creat | OFlags.Trunc)) != 0))
        {
            return Errno.Perm;
        }

        var follow = ((LookupFlags)dirFlags & LookupFlags.SymlinkFollow) != 0;
        error = PathResolver.Resolve(directory, text, follow, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        var hostPath = resolved.HostPath;
        var exists = FileStat.OfPath(hostPath, followSymlink: false, out var stat) == Errno.Success;
        if (exists && stat.Type == FileType.Directory)
        {
            if ((oflags & (OFlags.Creat | OFlags.Excl)) == (OFlags.Creat | OFlags.Excl))
            {
                return Errno.Exist;
            }

            if (write || (oflags & OFlags.Trunc) != 0)
            {
                return Errno.IsDir;
            }

            var opened = new DirectoryDescriptor(
                directory.Root,
                resolved.Components,
                preopenName: null,
                requested & Rights.Directory,
                inheriting)
            { Flags = flags };
            memory.WriteU32(fdOut, (uint)ctx.Fds.Add(opened));
            return Errno.Success;
        }

        if ((oflags & OFlags.Directory) != 0)
        {
            if ((oflags & OFlags.Creat) != 0)
            {
                return Errno.Inval; // O_CREAT | O_DIRECTORY on a non-directory: Linux says EINVAL
            }

            return exists ? Errno.NotDir : Errno.NoEnt;
        }

        var native = Libc.OCloExec | Libc.ONoCtty | Libc.ONoFollow
            | (write ? (read ? Libc.ORdWr : Libc.OWrOnly) : Libc.ORdOnly)
            | ((oflags & OFlags.Creat) != 0 ? Libc.OCreat : 0)
            | ((oflags & OFlags.Excl) != 0 ? Libc.OExcl : 0)
            | ((oflags & OFlags.Trunc) != 0 ? Libc.OTrunc : 0)
            | ((flags & FdFlags.Append) != 0 ? Libc.OAppend : 0)
            | ((flags & FdFlags.NonBlock) != 0 ? Libc.ONonBlock : 0)
            | ((flags & FdFlags.Dsync) != 0 ? Libc.ODsync : 0)
            | ((flags & (FdFlags.Sync | FdFlags.Rsync)) != 0 ? Libc.OSync : 0);
        if ((oflags & OFlags.Trunc) != 0 && !write)
        {
            // O_TRUNC with O_RDONLY is unspecified in POSIX; open for writing so it truncates.
            native = (native & ~(Libc.ORdOnly | Libc.OWrOnly | Libc.ORdWr)) | (read ? Libc.ORdWr : Libc.OWrOnly);
        }

        var hostFd = Libc.Open(hostPath, native, 0x1B6);
        if (hostFd < 0)
        {
            return LinuxErrno.Last();
        }

        var type = exists ? stat.Type : FileType.RegularFile;
        if (type == FileType.SymbolicLink || type == FileType.Unknown)
        {
            type = FileStat.OfDescriptor(hostFd, out var opened) == Errno.Success ? opened.Type : FileType.RegularFile;
        }

        var file = new FileDescriptor(hostFd, hostPath, directory.Root.ReadOnly, requested & Rights.RegularFile, inheriting, type) { Flags = flags };
        memory.WriteU32(fdOut, (uint)ctx.Fds.Add(file));
        return Errno.Success;
    }
}
