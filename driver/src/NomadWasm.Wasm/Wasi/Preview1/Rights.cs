namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// <c>rights</c>: u64 flags (typenames.witx). A descriptor carries a base set (what it may do
/// itself) and an inheriting set (what descriptors opened through it may get); a call whose right
/// is missing returns <see cref="Errno.NotCapable"/>.
/// </summary>
[Flags]
internal enum Rights : ulong
{
    None = 0,
    FdDatasync = 1UL << 0,
    FdRead = 1UL << 1,
    FdSeek = 1UL << 2,
    FdFdstatSetFlags = 1UL << 3,
    FdSync = 1UL << 4,
    FdTell = 1UL << 5,
    FdWrite = 1UL << 6,
    FdAdvise = 1UL << 7,
    FdAllocate = 1UL << 8,
    PathCreateDirectory = 1UL << 9,
    PathCreateFile = 1UL << 10,
    PathLinkSource = 1UL << 11,
    PathLinkTarget = 1UL << 12,
    PathOpen = 1UL << 13,
    FdReaddir = 1UL << 14,
    PathReadlink = 1UL << 15,
    PathRenameSource = 1UL << 16,
    PathRenameTarget = 1UL << 17,
    PathFilestatGet = 1UL << 18,
    PathFilestatSetSize = 1UL << 19,
    PathFilestatSetTimes = 1UL << 20,
    FdFilestatGet = 1UL << 21,
    FdFilestatSetSize = 1UL << 22,
    FdFilestatSetTimes = 1UL << 23,
    PathSymlink = 1UL << 24,
    PathRemoveDirectory = 1UL << 25,
    PathUnlinkFile = 1UL << 26,
    PollFdReadwrite = 1UL << 27,
    SockShutdown = 1UL << 28,
    SockAccept = 1UL << 29,

    /// <summary>Every right defined by preview 1.</summary>
    All = (1UL << 30) - 1,

    /// <summary>Rights that only make sense on a regular file.</summary>
    RegularFile = FdDatasync | FdRead | FdSeek | FdFdstatSetFlags | FdSync | FdTell | FdWrite
        | FdAdvise | FdAllocate | FdFilestatGet | FdFilestatSetSize | FdFilestatSetTimes
        | PollFdReadwrite,

    /// <summary>Rights that only make sense on a directory.</summary>
    Directory = FdFdstatSetFlags | FdSync | FdAdvise | PathCreateDirectory | PathCreateFile
        | PathLinkSource | PathLinkTarget | PathOpen | FdReaddir | PathReadlink | PathRenameSource
        | PathRenameTarget | PathFilestatGet | PathFilestatSetSize | PathFilestatSetTimes
        | FdFilestatGet | FdFilestatSetTimes | PathSymlink | PathRemoveDirectory | PathUnlinkFile,

    /// <summary>Rights of the stdio streams.</summary>
    Stdio = FdRead | FdWrite | FdFdstatSetFlags | FdFilestatGet | PollFdReadwrite,
}
