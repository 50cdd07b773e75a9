using System.Collections.Frozen;

namespace NomadWasm.Driver.Hosting;

/// <summary>Linux signal names as Nomad sends them ("SIGTERM", "SIGHUP"...) and their numbers.</summary>
/// <remarks>
/// Numbers are the Linux x86-64/arm64 ones (asm-generic); Nomad passes names such as the job's
/// <c>kill_signal</c> or <c>nomad alloc signal -s</c>. An empty name means the driver default,
/// which is SIGTERM here (nomad-plugin-protocol.md §8.3 StopTask).
/// </remarks>
internal static class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private static readonly FrozenDictionary<string, int> s_byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGILL"] = 4, ["SIGTRAP"] = 5,
        ["SIGABRT"] = 6, ["SIGIOT"] = 6, ["SIGBUS"] = 7, ["SIGFPE"] = 8, ["SIGKILL"] = 9,
        ["SIGUSR1"] = 10, ["SIGSEGV"] = 11, ["SIGUSR2"] = 12, ["SIGPIPE"] = 13, ["SIGALRM"] = 14,
        ["SIGTERM"] = 15, ["SIGSTKFLT"] = 16, ["SIGCHLD"] = 17, ["SIGCONT"] = 18, ["SIGSTOP"] = 19,
        ["SIGTSTP"] = 20, ["SIGTTIN"] = 21, ["SIGTTOU"] = 22, ["SIGURG"] = 23, ["SIGXCPU"] = 24,
        ["SIGXFSZ"] = 25, ["SIGVTALRM"] = 26, ["SIGPROF"] = 27, ["SIGWINCH"] = 28, ["SIGIO"] = 29,
        ["SIGPOLL"] = 29, ["SIGPWR"] = 30, ["SIGSYS"] = 31,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses "SIGTERM", "TERM" or "15"; empty gives <paramref name="defaultSignal"/>.</summary>
    public static bool TryParse(string? name, int defaultSignal, out int signal)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            signal = defaultSignal;
            return true;
        }

        var trimmed = name.Trim();
        if (s_byName.TryGetValue(trimmed, out signal) || s_byName.TryGetValue("SIG" + trimmed, out signal))
        {
            return true;
        }

        return int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out signal)
            && signal is > 0 and < 65;
    }
}
