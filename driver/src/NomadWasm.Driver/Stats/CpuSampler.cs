using System.Diagnostics;
using NomadWasm.Driver.Hosting;

namespace NomadWasm.Driver.Stats;

/// <summary>
/// CPU and memory of one host process, sampled from /proc on each TaskStats tick. Percentages are
/// of one core over the interval since the previous sample, as Nomad's executor reports them;
/// total_ticks is that share expressed in MHz of this node's CPU (Nomad's unit for cpu resources).
/// </summary>
internal sealed class CpuSampler(HostProcess process, double cpuMhzPerCore)
{
    private ulong _lastUser;
    private ulong _lastSystem;
    private long _lastTimestamp;

    public Sample? Take()
    {
        if (ProcStat.Read(process.Pid) is not { } stat || stat.StartTicks != process.StartTicks)
        {
            return null;
        }

        var memory = ProcMemory.Read(process.Pid) ?? default;
        var now = Stopwatch.GetTimestamp();
        double userPct = 0, systemPct = 0;
        if (_lastTimestamp != 0)
        {
            var seconds = (now - _lastTimestamp) / (double)Stopwatch.Frequency;
            var hz = Native.ClockTicksPerSecond;
            if (seconds > 0)
            {
                userPct = (stat.UserTicks - _lastUser) / (double)hz / seconds * 100;
                systemPct = (stat.SystemTicks - _lastSystem) / (double)hz / seconds * 100;
            }
        }

        _lastUser = stat.UserTicks;
        _lastSystem = stat.SystemTicks;
        _lastTimestamp = now;
        var percent = userPct + systemPct;
        return new Sample(userPct, systemPct, percent, percent / 100 * cpuMhzPerCore, memory);
    }

    internal readonly record struct Sample(double UserPercent, double SystemPercent, double Percent, double TotalTicks, ProcMemory Memory);
}
