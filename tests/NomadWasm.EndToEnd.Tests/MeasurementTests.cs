using System.Diagnostics;
using System.Globalization;
using System.Net;
using NomadWasm.EndToEnd.Tests.Simulator;
using Xunit.Abstractions;

namespace NomadWasm.EndToEnd.Tests;

/// <summary>
/// Measures what the driver's goals are stated in (first 200 within 150 ms of StartTask,
/// handshake within 300 ms of launch) and the memory cost per plugin and per task. The bounds
/// asserted here are loose (shared CI machines); the numbers are written to the test output.
/// </summary>
public sealed class MeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Measure_HandshakeStartToFirst200AndRss_WithinLooseBounds()
    {
        await using var live = await LiveDriver.StartAsync(hostPath: string.Empty);
        using var fixture = new TaskFixture();
        var source = Path.Combine(PluginBinary.RepositoryRoot, "jobs", "hello-spin-c");
        var target = Path.Combine(fixture.TaskDir, "local", "hello-spin-c");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var task = fixture.Config(TaskFixture.SpinConfig("local/hello-spin-c"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var stopwatch = Stopwatch.StartNew();
        var handle = await live.StartTaskAsync(task);
        var startReturned = stopwatch.Elapsed;
        using var response = await http.GetAsync(fixture.BaseUri);
        var first200 = stopwatch.Elapsed;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var warm = Stopwatch.StartNew();
        using (var again = await http.GetAsync(fixture.BaseUri))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var warmRequest = warm.Elapsed;
        var pluginRss = RssMiB(live.Plugin.Pid);
        var hostRss = RssMiB(LiveDriver.HostPid(handle));
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"handshake {live.Plugin.HandshakeTime.TotalMilliseconds:F0} ms; StartTask {startReturned.TotalMilliseconds:F0} ms; first 200 {first200.TotalMilliseconds:F0} ms after StartTask (incl. first-request compile); next request {warmRequest.TotalMilliseconds:F1} ms; plugin RSS {pluginRss:F1} MiB; host RSS {hostRss:F1} MiB");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "driver-measurements.txt"), report + "\n");

        Assert.True(live.Plugin.HandshakeTime < TimeSpan.FromSeconds(10), report);
        Assert.True(first200 < TimeSpan.FromSeconds(20), report);
        Assert.True(pluginRss > 0 && hostRss > 0, report);
    }

    private static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return 0;
    }
}
