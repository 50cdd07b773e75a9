extern alias driver;

using driver::NomadWasm.Driver.Hosting;

namespace NomadWasm.EndToEnd.Tests.Driver;

public sealed class ProcStatTests
{
    [Theory]
    // A command name with spaces and parentheses: fields are counted after the last ')'.
    [InlineData("1234 (my (odd) name) S 1 1234 1234 0 -1 4194304 100 0 0 0 57 12 0 0 20 0 3 0 98765 1000000 500 18446744073709551615", 'S', 1, 57UL, 12UL, 98765UL)]
    [InlineData("77 (sh) Z 5 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 0 0 0", 'Z', 5, 0UL, 0UL, 42UL)]
    public void Parse_StatLine_ReadsFieldsAfterLastParen(string line, char state, int ppid, ulong utime, ulong stime, ulong start)
    {
        var stat = ProcStat.Parse(line);
        Assert.NotNull(stat);
        Assert.Equal(state, stat.Value.State);
        Assert.Equal(ppid, stat.Value.ParentPid);
        Assert.Equal(utime, stat.Value.UserTicks);
        Assert.Equal(stime, stat.Value.SystemTicks);
        Assert.Equal(start, stat.Value.StartTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 (x")]
    [InlineData("12 (x) S 1 2")]
    public void Parse_Truncated_ReturnsNull(string line) => Assert.Null(ProcStat.Parse(line));

    [Fact]
    public void Read_OwnProcess_MatchesAdoptAndIsAlive()
    {
        var pid = Environment.ProcessId;
        var self = HostProcess.Adopt(pid);
        Assert.NotNull(self);
        Assert.True(self.IsAlive());
        Assert.False(new HostProcess(pid, self.StartTicks + 1).IsAlive()); // same pid, other start time: a reused pid
    }

    [Fact]
    public void ProcMemory_ParsesKilobytes()
    {
        var memory = ProcMemory.Parse(["Name:\tx", "VmHWM:\t  2048 kB", "VmRSS:\t  1024 kB", "VmSwap:\t 0 kB"]);
        Assert.Equal(1024UL * 1024, memory.RssBytes);
        Assert.Equal(2048UL * 1024, memory.PeakRssBytes);
    }
}
