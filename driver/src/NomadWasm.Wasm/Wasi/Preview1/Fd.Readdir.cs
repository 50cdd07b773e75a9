using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using NomadWasm.Wasm.Wasi.Preview1.Descriptors;
using NomadWasm.Wasm.Wasi.Preview1.Native;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>fd_readdir.</summary>
internal static partial class Fd
{
    /// <summary>
    /// <c>fd_readdir(fd, buf, buf_len, cookie: dircookie) -> size</c>: writes dirents starting at
    /// entry <c>cookie</c> (0 = start), each a 24-byte header (<see cref="Layouts.DirentSize"/>)
    /// followed by the name without NUL; <c>d_next</c> is the cookie of the following entry. The
    /// last entry that does not fit is written truncated and bufused = buf_len tells the caller
    /// to retry with a bigger buffer (witx: "If the buffer is full, there may be more entries").
    /// Entries are "." and "..", then the directory's names in the order the OS lists them; the
    /// listing is a snapshot taken when a read starts at cookie 0.
    /// <code>
    /// buf: [d_next=1][d_ino][1][dir] "."  [d_next=2][d_ino][2][dir] ".."  [d_next=3]... "file"
    /// </code>
    /// </summary>
    public static Errno Readdir(WasiContext ctx, GuestMemory memory, int fd, uint buffer, uint bufferLength, ulong cookie, uint bufusedOut)
    {
        memory.Struct(bufusedOut, 4, 4);
        var target = memory.Slice(buffer, bufferLength);
        var error = ctx.Fds.Get<DirectoryDescriptor>(fd, out var directory);
        if (error != Errno.Success)
        {
            return error == Errno.NotDir ? Errno.NotDir : error;
        }

        if (directory.Require(Rights.FdReaddir) is var denied && denied != Errno.Success)
        {
            return denied;
        }

        if (cookie == 0 || directory.Listing is null)
        {
            error = List(directory, out var listing);
            if (error != Errno.Success)
            {
                return error;
            }

            directory.Listing = listing;
        }

        var entries = directory.Listing;
        var used = 0;
        Span<byte> header = stackalloc byte[(int)Layouts.DirentSize];
        for (var index = cookie; index < (ulong)entries.Count && used < target.Length; index++)
        {
            var entry = entries[(int)index];
            var name = Encoding.UTF8.GetBytes(entry.Name);
            Layouts.WriteDirentHeader(header, index + 1, entry.Inode, (uint)name.Length, entry.Type);
            used += CopyTruncated(header, target[used..]);
            used += CopyTruncated(name, target[used..]);
        }

        memory.WriteU32(bufusedOut, (uint)used);
        return Errno.Success;
    }

    private static int CopyTruncated(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var n = Math.Min(source.Length, target.Length);
        source[..n].CopyTo(target);
        return n;
    }

    private static unsafe Errno List(DirectoryDescriptor directory, out List<DirectoryEntry> entries)
    {
        entries = [];
        var error = PathResolver.ResolveSelf(directory, out var hostPath);
        if (error != Errno.Success)
        {
            return error;
        }

        error = FileStat.OfPath(hostPath, followSymlink: false, out var self);
        if (error != Errno.Success)
        {
            return error;
        }

        var parentInode = self.Inode;
        if (directory.Components.Count > 0
            && PathResolver.Resolve(directory, "..", followFinalSymlink: true, out var up) == Errno.Success
            && FileStat.OfPath(up.HostPath, false, out var parent) == Errno.Success)
        {
            parentInode = parent.Inode;
        }

        entries.Add(new DirectoryEntry(".", self.Inode, FileType.Directory));
        entries.Add(new DirectoryEntry("..", parentInode, FileType.Directory));

        var handle = Libc.OpenDir(hostPath);
        if (handle == 0)
        {
            return LinuxErrno.Last();
        }

        try
        {
            // struct dirent64 (glibc, 64-bit): d_ino u64 @0, d_off i64 @8, d_reclen u16 @16,
            // d_type u8 @18, d_name NUL-terminated @19.
            while (true)
            {
                Marshal.SetLastPInvokeError(0);
                var dirent = Libc.ReadDir(handle);
                if (dirent == null)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    return errno == 0 ? Errno.Success : LinuxErrno.ToWasi(errno);
                }

                // Safety: readdir64 returns a pointer to a complete dirent64 valid until the next call.
                var name = Marshal.PtrToStringUTF8((nint)(dirent + 19)) ?? string.Empty;
                if (name is "." or "..")
                {
                    continue;
                }

                var inode = BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(dirent, 8));
                var type = FileStat.TypeOfDirentType(dirent[18]);
                if (type == FileType.Unknown
                    && FileStat.OfPath(hostPath + "/" + name, followSymlink: false, out var stat) == Errno.Success)
                {
                    type = stat.Type;
                }

                entries.Add(new DirectoryEntry(name, inode, type));
            }
        }
        finally
        {
            _ = Libc.CloseDir(handle);
        }
    }
}
