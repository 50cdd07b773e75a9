using System.Buffers.Binary;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// Byte layouts of the witx structs (typenames.witx; sizes and offsets as wasi-libc's
/// <c>wasi/api.h</c> asserts them with <c>_Static_assert</c>).
/// </summary>
internal static class Layouts
{
    /// <summary>
    /// <c>iovec</c> / <c>ciovec</c>, size 8, align 4.
    /// <code>
    /// 0       4           8
    /// [buf u32][buf_len u32]
    /// </code>
    /// </summary>
    public const uint IovecSize = 8;

    /// <summary>
    /// <c>fdstat</c>, size 24, align 8.
    /// <code>
    /// 0          2        8                   16                        24
    /// [filetype u8][flags u16][rights_base u64][rights_inheriting u64]
    /// </code>
    /// </summary>
    public const uint FdstatSize = 24;

    /// <summary>
    /// <c>filestat</c>, size 64, align 8.
    /// <code>
    /// 0        8        16           24         32        40        48        56        64
    /// [dev u64][ino u64][filetype u8 ][nlink u64][size u64][atim u64][mtim u64][ctim u64]
    /// </code>
    /// </summary>
    public const uint FilestatSize = 64;

    /// <summary>
    /// <c>prestat</c>, size 8, align 4: tag 0 = dir, then <c>prestat_dir.pr_name_len</c>.
    /// <code>
    /// 0      4                8
    /// [tag u8][pr_name_len u32]
    /// </code>
    /// </summary>
    public const uint PrestatSize = 8;

    /// <summary>
    /// <c>dirent</c> header, size 24, align 8; the name (d_namlen bytes, no NUL) follows it.
    /// <code>
    /// 0           8          16             20          24
    /// [d_next u64][d_ino u64][d_namlen u32][d_type u8]  name...
    /// </code>
    /// </summary>
    public const uint DirentSize = 24;

    /// <summary>
    /// <c>subscription</c>, size 48, align 8. The union tag is at 8, its body at 16:
    /// clock = {id u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40};
    /// fd_read / fd_write = {file_descriptor u32 @16}.
    /// <code>
    /// 0             8        16                                   48
    /// [userdata u64][tag u8 ][ subscription_clock | subscription_fd_readwrite ]
    /// </code>
    /// </summary>
    public const uint SubscriptionSize = 48;

    /// <summary>
    /// <c>event</c>, size 32, align 8.
    /// <code>
    /// 0             8          10        16           24          32
    /// [userdata u64][error u16][type u8 ][nbytes u64 ][flags u16 ]
    /// </code>
    /// </summary>
    public const uint EventSize = 32;

    public static void WriteFdstat(Span<byte> s, FileType type, FdFlags flags, Rights rightsBase, Rights rightsInheriting)
    {
        s.Clear();
        s[0] = (byte)type;
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], (ushort)flags);
        BinaryPrimitives.WriteUInt64LittleEndian(s[8..], (ulong)rightsBase);
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], (ulong)rightsInheriting);
    }

    public static void WriteFilestat(Span<byte> s, in Native.FileStat stat)
    {
        s.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(s, stat.Device);
        BinaryPrimitives.WriteUInt64LittleEndian(s[8..], stat.Inode);
        s[16] = (byte)stat.Type;
        BinaryPrimitives.WriteUInt64LittleEndian(s[24..], stat.LinkCount);
        BinaryPrimitives.WriteUInt64LittleEndian(s[32..], stat.Size);
        BinaryPrimitives.WriteUInt64LittleEndian(s[40..], stat.AccessTime);
        BinaryPrimitives.WriteUInt64LittleEndian(s[48..], stat.ModifyTime);
        BinaryPrimitives.WriteUInt64LittleEndian(s[56..], stat.ChangeTime);
    }

    public static void WriteDirentHeader(Span<byte> s, ulong next, ulong inode, uint nameLength, FileType type)
    {
        s.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(s, next);
        BinaryPrimitives.WriteUInt64LittleEndian(s[8..], inode);
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], nameLength);
        s[20] = (byte)type;
    }
}
