namespace NomadWasm.Wasm.Wasi.Preview1;

// The small enums and flag sets of typenames.witx (wasi_snapshot_preview1, WASI tag v0.2.0),
// with their witx representation in the comment. Struct layouts are in Layouts.cs.

/// <summary><c>filetype</c>: u8.</summary>
internal enum FileType : byte
{
    Unknown = 0,
    BlockDevice = 1,
    CharacterDevice = 2,
    Directory = 3,
    RegularFile = 4,
    SocketDgram = 5,
    SocketStream = 6,
    SymbolicLink = 7,
}

/// <summary><c>fdflags</c>: u16 flags.</summary>
[Flags]
internal enum FdFlags : ushort
{
    None = 0,
    Append = 1,
    Dsync = 2,
    NonBlock = 4,
    Rsync = 8,
    Sync = 16,
}

/// <summary><c>oflags</c>: u16 flags for <c>path_open</c>.</summary>
[Flags]
internal enum OFlags : ushort
{
    None = 0,
    Creat = 1,
    Directory = 2,
    Excl = 4,
    Trunc = 8,
}

/// <summary><c>lookupflags</c>: u32 flags.</summary>
[Flags]
internal enum LookupFlags : uint
{
    None = 0,
    SymlinkFollow = 1,
}

/// <summary><c>fstflags</c>: u16 flags for the set_times functions.</summary>
[Flags]
internal enum FstFlags : ushort
{
    None = 0,
    Atim = 1,
    AtimNow = 2,
    Mtim = 4,
    MtimNow = 8,
}

/// <summary><c>whence</c>: u8.</summary>
internal enum Whence : byte
{
    Set = 0,
    Cur = 1,
    End = 2,
}

/// <summary><c>clockid</c>: u32.</summary>
internal enum ClockId : uint
{
    Realtime = 0,
    Monotonic = 1,
    ProcessCputime = 2,
    ThreadCputime = 3,
}

/// <summary><c>eventtype</c>: u8.</summary>
internal enum EventType : byte
{
    Clock = 0,
    FdRead = 1,
    FdWrite = 2,
}

/// <summary><c>advice</c>: u8.</summary>
internal enum Advice : byte
{
    Normal = 0,
    Sequential = 1,
    Random = 2,
    WillNeed = 3,
    DontNeed = 4,
    NoReuse = 5,
}
