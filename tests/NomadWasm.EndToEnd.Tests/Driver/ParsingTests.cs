extern alias driver;

using driver::NomadWasm.Driver.Config;
using driver::NomadWasm.Driver.Hosting;
using driver::NomadWasm.Driver.Tasks;

namespace NomadWasm.EndToEnd.Tests.Driver;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("0", 0)]
    public void GoDuration_Valid_Parses(string text, double ms)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(ms, value.TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("soon")]
    [InlineData("5 s")]
    public void GoDuration_Invalid_Rejected(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("sighup", 1)]
    [InlineData("INT", 2)]
    [InlineData("9", 9)]
    [InlineData("", 15)]
    public void Signals_Known_Parse(string name, int number)
    {
        Assert.True(Signals.TryParse(name, Signals.SigTerm, out var signal));
        Assert.Equal(number, signal);
    }

    [Theory]
    [InlineData("SIGNOPE")]
    [InlineData("0")]
    [InlineData("99")]
    public void Signals_Unknown_Rejected(string name) => Assert.False(Signals.TryParse(name, Signals.SigTerm, out _));

    [Theory]
    [InlineData("0", 0, 0)]
    [InlineData("3\n", 3, 0)]
    [InlineData("143", 143, 15)]
    [InlineData("137", 137, 9)]
    public void ExitOutcome_StatusText_MapsSignals(string text, int code, int signal)
    {
        var outcome = ExitOutcome.FromStatusText(text);
        Assert.NotNull(outcome);
        Assert.Equal(code, outcome.ExitCode);
        Assert.Equal(signal, outcome.Signal);
    }

    [Fact]
    public void ListenAddress_PortLabel_FromResourcesThenEnv()
    {
        var ports = new List<PortBinding> { new("http", 25001, 8080, "10.0.0.5") };
        Assert.Equal("10.0.0.5:25001", ListenAddress.Format(ListenAddress.Resolve("http", ports, new Dictionary<string, string>())));
        var env = new Dictionary<string, string> { ["NOMAD_ADDR_my_port"] = "127.0.0.1:4000" };
        Assert.Equal("127.0.0.1:4000", ListenAddress.Format(ListenAddress.Resolve("my-port", [], env)));
        var error = Assert.Throws<ArgumentException>(() => ListenAddress.Resolve("admin", ports, env));
        Assert.Contains("\"admin\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskState_RoundTrips_AndRejectsOtherVersions()
    {
        var state = new TaskState
        {
            TaskId = "a/b/c",
            AllocId = "a",
            TaskName = "b",
            HostPid = 10,
            HostStartTicks = 20,
            WatcherPid = 9,
            WatcherStartTicks = 19,
            ListenAddress = "127.0.0.1:1",
            AppPath = "/x/spin.toml",
            StatusPath = "/x/s",
            RunDirectory = "/x",
            StartedAt = DateTimeOffset.UnixEpoch,
            MemoryLimitMb = 64,
            Command = ["spin", "up"],
            Config = new StoredTaskConfig("local/x", "http", new() { ["k"] = "v" }, [], "30s"),
        };
        var back = TaskState.Deserialize(state.Serialize());
        Assert.Equal(state.HostPid, back.HostPid);
        Assert.Equal("v", back.Config.Variables["k"]);
        var future = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(state.Serialize()).Replace("\"version\":1", "\"version\":7", StringComparison.Ordinal));
        Assert.Contains("version 7", Assert.Throws<InvalidDataException>(() => TaskState.Deserialize(future)).Message, StringComparison.Ordinal);
    }
}
