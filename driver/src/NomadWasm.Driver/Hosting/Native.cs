using System.Runtime.InteropServices;

namespace NomadWasm.Driver.Hosting;

/// <summary>The two libc calls the driver needs that .NET does not expose for foreign processes.</summary>
internal static partial class Native
{
    private const int ScClkTck = 2; // _SC_CLK_TCK in glibc and musl

    /// <summary>kill(2): 0 on success, -1 with errno on failure.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int KillNative(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "sysconf", SetLastError = true)]
    private static partial long SysConf(int name);

    private static readonly Lazy<long> s_clockTicks = new(static () =>
    {
        var ticks = OperatingSystem.IsLinux() ? SysConf(ScClkTck) : 100;
        return ticks > 0 ? ticks : 100;
    });

    /// <summary>USER_HZ, the unit of utime/stime in /proc/&lt;pid&gt;/stat.</summary>
    public static long ClockTicksPerSecond => s_clockTicks.Value;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; returns the errno on failure, 0 on success.</summary>
    public static int Kill(int pid, int signal)
    {
        if (pid <= 0)
        {
            // kill(0) or kill(-n) would signal whole process groups; never do that by accident.
            throw new ArgumentOutOfRangeException(nameof(pid), pid, "a task's pid must be positive");
        }

        return KillNative(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }
}
