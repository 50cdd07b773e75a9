using System.Buffers.Binary;
using System.Text;
using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// The <c>fd_*</c> functions of wasi_snapshot_preview1.witx: descriptor bookkeeping here, I/O in
/// Fd.Io.cs, metadata in Fd.Stat.cs, directory listing in Fd.Readdir.cs.
/// </summary>
internal static partial class Fd
{
    /// <summary><c>fd_close(fd)</c>: any descriptor, preopens and stdio included (as wasmtime).</summary>
    public static Errno Close(WasiContext ctx, int fd)
    {
        var descriptor = ctx.Fds.Remove(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        descriptor.Dispose();
        return Errno.Success;
    }

    /// <summary><c>fd_renumber(fd, to)</c>: atomically replaces <c>to</c> (which must be open) with <c>fd</c>.</summary>
    public static Errno Renumber(WasiContext ctx, int fd, int to)
    {
        var from = ctx.Fds.Get(fd);
        var target = ctx.Fds.Get(to);
        if (from is null || target is null)
        {
            return Errno.Badf;
        }

        if (fd == to)
        {
            return Errno.Success;
        }

        ctx.Fds.Remove(fd);
        ctx.Fds.Set(to, from);
        target.Dispose();
        return Errno.Success;
    }

    /// <summary>
    /// <c>fd_fdstat_get(fd) -> fdstat</c> (layout: <see cref="Layouts.FdstatSize"/>). wasi-libc's
    /// startup and <c>open</c> read the inheriting rights from it.
    /// </summary>
    public static Errno FdstatGet(WasiContext ctx, GuestMemory memory, int fd, uint statOut)
    {
        var target = memory.Struct(statOut, Layouts.FdstatSize, 8);
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        Layouts.WriteFdstat(target, descriptor.Type, descriptor.Flags, descriptor.RightsBase, descriptor.RightsInheriting);
        return Errno.Success;
    }

    /// <summary>
    /// <c>fd_fdstat_set_flags(fd, flags: fdflags)</c>: append and nonblock can change on files
    /// (fcntl F_SETFL); dsync/rsync/sync cannot change after open (EINVAL, as Linux ignores them).
    /// </summary>
    public static Errno FdstatSetFlags(WasiContext ctx, int fd, uint flags)
    {
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        if (descriptor.Require(Rights.FdFdstatSetFlags) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        var requested = (FdFlags)flags;
        if ((requested & ~(FdFlags.Append | FdFlags.NonBlock)) != (descriptor.Flags & ~(FdFlags.Append | FdFlags.NonBlock)))
        {
            return Errno.Inval;
        }

        if (descriptor is FileDescriptor file)
        {
            var current = Libc.Fcntl(file.Fd, Libc.FGetFl, 0);
            if (current < 0)
            {
                return LinuxErrno.Last();
            }

            var updated = current & ~(Libc.OAppend | Libc.ONonBlock);
            updated |= (requested & FdFlags.Append) != 0 ? Libc.OAppend : 0;
            updated |= (requested & FdFlags.NonBlock) != 0 ? Libc.ONonBlock : 0;
            if (Libc.Fcntl(file.Fd, Libc.FSetFl, updated) < 0)
            {
                return LinuxErrno.Last();
            }
        }

        descriptor.Flags = requested;
        return Errno.Success;
    }

    /// <summary><c>fd_fdstat_set_rights(fd, base, inheriting)</c>: rights can only shrink (ENOTCAPABLE otherwise).</summary>
    public static Errno FdstatSetRights(WasiContext ctx, int fd, ulong rightsBase, ulong rightsInheriting)
    {
        var descriptor = ctx.Fds.Get(fd);
        if (descriptor is null)
        {
            return Errno.Badf;
        }

        var newBase = (Rights)rightsBase;
        var newInheriting = (Rights)rightsInheriting;
        if ((newBase & ~descriptor.RightsBase) != 0 || (newInheriting & ~descriptor.RightsInheriting) != 0)
        {
            return Errno.NotCapable;
        }

        descriptor.RightsBase = newBase;
        descriptor.RightsInheriting = newInheriting;
        return Errno.Success;
    }

    /// <summary>
    /// <c>fd_prestat_get(fd) -> prestat</c> (layout: <see cref="Layouts.PrestatSize"/>). wasi-libc
    /// walks fds from 3 until this returns EBADF.
    /// </summary>
    public static Errno PrestatGet(WasiContext ctx, GuestMemory memory, int fd, uint prestatOut)
    {
        var target = memory.Struct(prestatOut, Layouts.PrestatSize, 4);
        if (ctx.Fds.Get(fd) is not DirectoryDescriptor { PreopenName: { } name })
        {
            return Errno.Badf;
        }

        target.Clear();
        target[0] = 0; // preopentype::dir
        BinaryPrimitives.WriteUInt32LittleEndian(target[4..], (uint)Encoding.UTF8.GetByteCount(name));
        return Errno.Success;
    }

    /// <summary>
    /// <c>fd_prestat_dir_name(fd, path: Pointer&lt;u8&gt;, path_len: size)</c>: the preopen's name,
    /// not NUL-terminated; a buffer shorter than the name is ENAMETOOLONG (as wasmtime).
    /// </summary>
    public static Errno PrestatDirName(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var target = memory.Slice(path, pathLength);
        if (ctx.Fds.Get(fd) is not DirectoryDescriptor { PreopenName: { } name })
        {
            return Errno.Badf;
        }

        var bytes = Encoding.UTF8.GetBytes(name);
        if (bytes.Length > target.Length)
        {
            return Errno.NameTooLong;
        }

        bytes.CopyTo(target);
        return Errno.Success;
    }
}
