using System.Buffers.Binary;

namespace NomadWasm.Wasm.Wasi.Preview1.Native;

/// <summary>The fields of a Linux <c>struct statx</c> that WASI's <c>filestat</c> needs.</summary>
internal readonly record struct FileStat(
    ulong Device,
    ulong Inode,
    FileType Type,
    ulong LinkCount,
    ulong Size,
    ulong AccessTime,
    ulong ModifyTime,
    ulong ChangeTime)
{
    /// <summary>statx(2) on a path (<paramref name="followSymlink"/> false = lstat).</summary>
    public static unsafe Errno OfPath(string path, bool followSymlink, out FileStat stat)
    {
        byte* buffer = stackalloc byte[256];
        var flags = followSymlink ? 0 : Libc.AtSymlinkNoFollow;
        if (Libc.Statx(Libc.AtFdCwd, path, flags, Libc.StatxBasicStats, buffer) != 0)
        {
            stat = default;
            return LinuxErrno.Last();
        }

        stat = Decode(new ReadOnlySpan<byte>(buffer, 256));
        return Errno.Success;
    }

    /// <summary>statx(2) on an open descriptor (AT_EMPTY_PATH).</summary>
    public static unsafe Errno OfDescriptor(int fd, out FileStat stat)
    {
        byte* buffer = stackalloc byte[256];
        if (Libc.Statx(fd, string.Empty, Libc.AtEmptyPath, Libc.StatxBasicStats, buffer) != 0)
        {
            stat = default;
            return LinuxErrno.Last();
        }

        stat = Decode(new ReadOnlySpan<byte>(buffer, 256));
        return Errno.Success;
    }

    // struct statx (include/uapi/linux/stat.h): mask u32 @0, blksize u32 @4, attributes u64 @8,
    // nlink u32 @16, uid u32 @20, gid u32 @24, mode u16 @28, ino u64 @32, size u64 @40,
    // blocks u64 @48, attributes_mask u64 @56, atime @64, btime @80, ctime @96, mtime @112
    // (each {tv_sec i64, tv_nsec u32, reserved i32}), rdev major/minor u32 @128/@132,
    // dev major/minor u32 @136/@140.
    private static FileStat Decode(ReadOnlySpan<byte> b)
    {
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(b[28..]);
        var devMajor = BinaryPrimitives.ReadUInt32LittleEndian(b[136..]);
        var devMinor = BinaryPrimitives.ReadUInt32LittleEndian(b[140..]);
        return new FileStat(
            Device: MakeDev(devMajor, devMinor),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            Type: TypeOfMode(mode),
            LinkCount: BinaryPrimitives.ReadUInt32LittleEndian(b[16..]),
            Size: BinaryPrimitives.ReadUInt64LittleEndian(b[40..]),
            AccessTime: Nanos(b[64..]),
            ModifyTime: Nanos(b[112..]),
            ChangeTime: Nanos(b[96..]));
    }

    /// <summary>The file type bits of st_mode (S_IFMT).</summary>
    public static FileType TypeOfMode(uint mode) => (mode & 0xF000) switch
    {
        0x4000 => FileType.Directory,
        0x8000 => FileType.RegularFile,
        0xA000 => FileType.SymbolicLink,
        0x2000 => FileType.CharacterDevice,
        0x6000 => FileType.BlockDevice,
        0xC000 => FileType.SocketStream,
        _ => FileType.Unknown,
    };

    /// <summary>The d_type of a dirent (DT_*).</summary>
    public static FileType TypeOfDirentType(byte dType) => dType switch
    {
        4 => FileType.Directory,
        8 => FileType.RegularFile,
        10 => FileType.SymbolicLink,
        2 => FileType.CharacterDevice,
        6 => FileType.BlockDevice,
        12 => FileType.SocketStream,
        _ => FileType.Unknown,
    };

    private static ulong Nanos(ReadOnlySpan<byte> timestamp)
    {
        var seconds = BinaryPrimitives.ReadInt64LittleEndian(timestamp);
        var nanos = BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]);
        return seconds < 0 ? 0 : ((ulong)seconds * 1_000_000_000UL) + nanos;
    }

    // glibc's makedev (sys/sysmacros.h).
    private static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);
}
