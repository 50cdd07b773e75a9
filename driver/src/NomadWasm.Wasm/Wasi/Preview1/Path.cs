using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// The <c>path_*</c> functions of wasi_snapshot_preview1.witx except path_open (Path.Open.cs).
/// Every path is resolved by <see cref="PathResolver"/> inside the directory's preopen; every
/// mutation of a read-only preopen is EPERM (wasmtime: NotPermitted without DirPerms::MUTATE).
/// </summary>
internal static partial class Path
{
    /// <summary><c>path_create_directory(fd, path: string)</c>: mkdir, mode 0777 &amp; ~umask.</summary>
    public static Errno CreateDirectory(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathCreateDirectory, mutates: true, followFinal: false, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        return Libc.Mkdir(resolved.HostPath, 0x1FF) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary>
    /// <c>path_filestat_get(fd, flags: lookupflags, path) -> filestat</c> (layout:
    /// <see cref="Layouts.FilestatSize"/>); SYMLINK_FOLLOW stats the target, else the link itself.
    /// </summary>
    public static Errno FilestatGet(WasiContext ctx, GuestMemory memory, int fd, uint flags, uint path, uint pathLength, uint statOut)
    {
        var target = memory.Struct(statOut, Layouts.FilestatSize, 8);
        var follow = ((LookupFlags)flags & LookupFlags.SymlinkFollow) != 0;
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathFilestatGet, mutates: false, follow, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        error = FileStat.OfPath(resolved.HostPath, followSymlink: false, out var stat);
        if (error == Errno.Success)
        {
            Layouts.WriteFilestat(target, stat);
        }

        return error;
    }

    /// <summary><c>path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags)</c>: utimensat (see fd_filestat_set_times).</summary>
    public static Errno FilestatSetTimes(WasiContext ctx, GuestMemory memory, int fd, uint flags, uint path, uint pathLength, ulong accessTime, ulong modifyTime, uint fstFlags)
    {
        var follow = ((LookupFlags)flags & LookupFlags.SymlinkFollow) != 0;
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathFilestatSetTimes, mutates: true, follow, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        if (!Fd.TryTimes(accessTime, modifyTime, fstFlags, out var atime, out var mtime))
        {
            return Errno.Inval;
        }

        return Fd.SetTimes(-1, resolved.HostPath, atime, mtime, follow: false);
    }

    /// <summary>
    /// <c>path_link(old_fd, old_flags, old_path, new_fd, new_path)</c>: a hard link; both ends
    /// stay inside their preopens.
    /// </summary>
    public static Errno Link(WasiContext ctx, GuestMemory memory, int oldFd, uint oldFlags, uint oldPath, uint oldPathLength, int newFd, uint newPath, uint newPathLength)
    {
        var follow = ((LookupFlags)oldFlags & LookupFlags.SymlinkFollow) != 0;
        var error = Begin(ctx, memory, oldFd, oldPath, oldPathLength, Rights.PathLinkSource, mutates: true, follow, out var source);
        if (error != Errno.Success)
        {
            return error;
        }

        error = Begin(ctx, memory, newFd, newPath, newPathLength, Rights.PathLinkTarget, mutates: true, followFinal: false, out var target);
        if (error != Errno.Success)
        {
            return error;
        }

        return Libc.Link(source.HostPath, target.HostPath) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary>
    /// <c>path_readlink(fd, path, buf, buf_len) -> size</c>: the link's target, not NUL-terminated,
    /// truncated to buf_len as POSIX readlink does.
    /// </summary>
    public static Errno Readlink(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength, uint buffer, uint bufferLength, uint bufusedOut)
    {
        memory.Struct(bufusedOut, 4, 4);
        var target = memory.Slice(buffer, bufferLength);
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathReadlink, mutates: false, followFinal: false, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        error = PathResolver.ReadLink(resolved.HostPath, out var link);
        if (error != Errno.Success)
        {
            return error;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(link);
        var n = Math.Min(bytes.Length, target.Length);
        bytes.AsSpan(0, n).CopyTo(target);
        memory.WriteU32(bufusedOut, (uint)n);
        return Errno.Success;
    }

    /// <summary><c>path_remove_directory(fd, path)</c>: rmdir; "." is EINVAL, ".." ENOTEMPTY, the preopen itself EPERM.</summary>
    public static Errno RemoveDirectory(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathRemoveDirectory, mutates: true, followFinal: false, out var resolved, out var text);
        if (error != Errno.Success)
        {
            return error;
        }

        error = GuardFinal(text, resolved, dotDot: Errno.NotEmpty);
        if (error != Errno.Success)
        {
            return error;
        }

        return Libc.Rmdir(resolved.HostPath) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary><c>path_rename(fd, old_path, new_fd, new_path)</c>: rename(2) within or across preopens.</summary>
    public static Errno Rename(WasiContext ctx, GuestMemory memory, int oldFd, uint oldPath, uint oldPathLength, int newFd, uint newPath, uint newPathLength)
    {
        var error = Begin(ctx, memory, oldFd, oldPath, oldPathLength, Rights.PathRenameSource, mutates: true, followFinal: false, out var source, out var oldText);
        if (error != Errno.Success)
        {
            return error;
        }

        error = Begin(ctx, memory, newFd, newPath, newPathLength, Rights.PathRenameTarget, mutates: true, followFinal: false, out var target, out var newText);
        if (error != Errno.Success)
        {
            return error;
        }

        error = GuardFinal(oldText, source, dotDot: Errno.Busy);
        if (error == Errno.Success)
        {
            error = GuardFinal(newText, target, dotDot: Errno.Busy);
        }

        if (error != Errno.Success)
        {
            return error;
        }

        return Libc.Rename(source.HostPath, target.HostPath) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary>
    /// <c>path_symlink(old_path, fd, new_path)</c>: creates new_path pointing at old_path. An
    /// absolute old_path is EPERM: such a link could only ever point outside the sandbox.
    /// Relative targets may climb out; following them later is refused by the resolver.
    /// </summary>
    public static Errno Symlink(WasiContext ctx, GuestMemory memory, uint oldPath, uint oldPathLength, int fd, uint newPath, uint newPathLength)
    {
        var error = memory.ReadString(oldPath, oldPathLength, out var target);
        if (error != Errno.Success)
        {
            return error;
        }

        error = Begin(ctx, memory, fd, newPath, newPathLength, Rights.PathSymlink, mutates: true, followFinal: false, out var resolved);
        if (error != Errno.Success)
        {
            return error;
        }

        if (target.Length == 0)
        {
            return Errno.NoEnt;
        }

        if (target[0] == '/')
        {
            return Errno.Perm;
        }

        if (target.Contains('\0', StringComparison.Ordinal))
        {
            return Errno.Inval;
        }

        return Libc.Symlink(target, resolved.HostPath) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    /// <summary><c>path_unlink_file(fd, path)</c>: unlink; a directory is EISDIR, "name/" ENOTDIR (Linux).</summary>
    public static Errno UnlinkFile(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var error = Begin(ctx, memory, fd, path, pathLength, Rights.PathUnlinkFile, mutates: true, followFinal: false, out var resolved, out var text);
        if (error != Errno.Success)
        {
            return error;
        }

        error = GuardFinal(text, resolved, dotDot: Errno.IsDir);
        if (error != Errno.Success)
        {
            return error == Errno.Inval ? Errno.IsDir : error;
        }

        return Libc.Unlink(resolved.HostPath) == 0 ? Errno.Success : LinuxErrno.Last();
    }

    private static Errno Begin(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength, Rights right, bool mutates, bool followFinal, out PathResolver.Resolved resolved) =>
        Begin(ctx, memory, fd, path, pathLength, right, mutates, followFinal, out resolved, out _);

    // The common prologue: read the path (traps if out of bounds), find the directory fd, check
    // the right and the preopen's mode, resolve.
    private static Errno Begin(WasiContext ctx, GuestMemory memory, int fd, uint path, uint pathLength, Rights right, bool mutates, bool followFinal, out PathResolver.Resolved resolved, out string text)
    {
        resolved = default;
        var error = memory.ReadString(path, pathLength, out text);
        if (error != Errno.Success)
        {
            return error;
        }

        error = ctx.Fds.Get<DirectoryDescriptor>(fd, out var directory);
        if (error != Errno.Success)
        {
            return error;
        }

        if (directory.Require(right) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (mutates && directory.Root.ReadOnly)
        {
            return Errno.Perm;
        }

        return PathResolver.Resolve(directory, text, followFinal, out resolved);
    }

    // A final "." or ".." (rmdir("x/."), rename("..", …)) or the preopen root itself cannot be
    // removed or renamed; without this guard the host path would name a real directory.
    private static Errno GuardFinal(string text, PathResolver.Resolved resolved, Errno dotDot)
    {
        var trimmed = text.TrimEnd('/');
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        if (last == "." || trimmed.Length == 0)
        {
            return Errno.Inval;
        }

        if (last == "..")
        {
            return dotDot;
        }

        return resolved.Components.Count == 0 ? Errno.Perm : Errno.Success;
    }
}
