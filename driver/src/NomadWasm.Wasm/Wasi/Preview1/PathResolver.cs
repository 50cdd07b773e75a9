using System.Text;
using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Resolves a guest path relative to a directory descriptor, one component at a time, so that no
/// path ever leaves its preopen (WASI path-resolution.md; wasmtime/cap-std behave the same):
/// <list type="bullet">
/// <item>absolute paths, ".." above the preopen root and symlinks whose target is absolute or
/// climbs above the root fail with <see cref="Errno.Perm"/> (wasmtime's <c>NotPermitted</c>);</item>
/// <item>every symlink met on the way (intermediate components always, the last one when
/// following) is read and its target spliced in, so ".." after it pops real directories;</item>
/// <item>more than 40 symlink expansions is <see cref="Errno.Loop"/> (Linux MAXSYMLINKS);</item>
/// <item>a trailing "/" requires a directory and follows a final symlink.</item>
/// </list>
/// Known limit: resolution and the following system call are not atomic, so a host process
/// racing to swap a directory for a symlink could redirect one call (wasmtime avoids this with
/// openat + O_NOFOLLOW per component). The guest alone cannot win that race: it runs single-threaded.
/// </summary>
internal static class PathResolver
{
    private const int MaxSymlinkExpansions = 40;

    /// <summary>The result: the host path and the components below the preopen root.</summary>
    internal readonly record struct Resolved(PreopenRoot Root, List<string> Components, bool TrailingSlash)
    {
        /// <summary>The host path; with a trailing slash when the guest wrote one (the OS then insists on a directory).</summary>
        public string HostPath => TrailingSlash && Components.Count > 0
            ? Root.Join(Components, Components.Count) + "/"
            : Root.Join(Components, Components.Count);

        /// <summary>The last component, or null when the path names the starting directory's root itself.</summary>
        public string? FinalName => Components.Count == 0 ? null : Components[^1];
    }

    public static Errno Resolve(DirectoryDescriptor start, string path, bool followFinalSymlink, out Resolved resolved)
    {
        resolved = default;
        if (path.Length == 0)
        {
            return Errno.NoEnt;
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return Errno.Inval;
        }

        if (path[0] == '/')
        {
            return Errno.Perm;
        }

        var trailingSlash = path[^1] == '/';

        // The directory's own components are re-checked too: since it was opened, the guest may
        // have renamed it and put a symlink in its place, which must not be followed blindly.
        var stack = new List<string>(start.Components.Count + 4);
        var pending = new List<string>(start.Components);
        pending.AddRange(Split(path));
        var expansions = 0;
        while (pending.Count > 0)
        {
            var component = pending[0];
            pending.RemoveAt(0);
            if (component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                if (stack.Count == 0)
                {
                    return Errno.Perm;
                }

                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            var isLast = pending.Count == 0;
            if (!isLast || followFinalSymlink || trailingSlash)
            {
                stack.Add(component);
                var hostPath = start.Root.Join(stack, stack.Count);
                stack.RemoveAt(stack.Count - 1);
                var error = FileStat.OfPath(hostPath, followSymlink: false, out var stat);
                if (error != Errno.Success)
                {
                    if (isLast)
                    {
                        // Does not exist (yet): the operation itself decides (create, or ENOENT).
                        stack.Add(component);
                        break;
                    }

                    return error;
                }

                if (stat.Type == FileType.SymbolicLink)
                {
                    if (++expansions > MaxSymlinkExpansions)
                    {
                        return Errno.Loop;
                    }

                    error = ReadLink(hostPath, out var target);
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

                    if (target[^1] == '/' && isLast)
                    {
                        trailingSlash = true;
                    }

                    pending.InsertRange(0, Split(target));
                    continue;
                }

                if (!isLast && stat.Type != FileType.Directory)
                {
                    return Errno.NotDir;
                }
            }

            stack.Add(component);
        }

        resolved = new Resolved(start.Root, stack, trailingSlash);
        return Errno.Success;
    }

    /// <summary>
    /// The host path of a directory descriptor itself, re-resolved from its preopen root so that
    /// a component swapped for a symlink since the open is checked like any other.
    /// </summary>
    public static Errno ResolveSelf(DirectoryDescriptor directory, out string hostPath)
    {
        var error = Resolve(directory, ".", followFinalSymlink: true, out var resolved);
        hostPath = error == Errno.Success ? resolved.HostPath : string.Empty;
        return error;
    }

    /// <summary>readlink(2) into a string.</summary>
    public static unsafe Errno ReadLink(string hostPath, out string target)
    {
        var buffer = new byte[4096];
        fixed (byte* p = buffer)
        {
            var n = Libc.Readlink(hostPath, p, (nuint)buffer.Length);
            if (n < 0)
            {
                target = string.Empty;
                return LinuxErrno.Last();
            }

            target = Encoding.UTF8.GetString(buffer, 0, (int)n);
            return Errno.Success;
        }
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
