using NomadWasm.Plugin.Protos.Drivers;

namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// A long-lived plugin (process #3) configured to run a given host, plus cleanup that kills any
/// host a failed test left behind (by the pid recorded in its driver_state, never by name).
/// </summary>
internal sealed class LiveDriver : IAsyncDisposable
{
    private readonly List<TaskHandle> _handles = [];

    private LiveDriver(PluginProcess plugin, DriverClient driver, byte[] config)
    {
        Plugin = plugin;
        Driver = driver;
        Config = config;
    }

    public PluginProcess Plugin { get; private set; }

    public DriverClient Driver { get; private set; }

    public byte[] Config { get; }

    public static string FakeHostPath => Path.Combine(PluginBinary.RepositoryRoot, "tests", "NomadWasm.EndToEnd.Tests", "Fixtures", "fake-spin-host.py");

    public static async Task<LiveDriver> StartAsync(string hostPath, string startupTimeout = "30s")
    {
        var config = NomadClientSimulator.PluginConfig(hostPath, startupTimeout);
        var (plugin, driver) = await NomadClientSimulator.LongLivedProcessAsync(config);
        return new LiveDriver(plugin, driver, config);
    }

    public async Task<TaskHandle> StartTaskAsync(TaskConfig task)
    {
        var response = await Driver.StartTaskAsync(task);
        Assert.NotNull(response.Handle);
        Assert.NotNull(response.Handle.Config);
        _handles.Add(response.Handle);
        return response.Handle;
    }

    /// <summary>The plugin crashed; Nomad relaunches it (SetConfig, Init) before RecoverTask (§14).</summary>
    public async Task RelaunchAsync()
    {
        await Plugin.DisposeAsync();
        var (plugin, driver) = await NomadClientSimulator.LongLivedProcessAsync(Config);
        Plugin = plugin;
        Driver = driver;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var handle in _handles)
        {
            if (!Plugin.HasExited)
            {
                try
                {
                    await Driver.DestroyTaskAsync(handle.Config.Id);
                }
                catch (GrpcStatusException)
                {
                    // Fall through to the pid kill below.
                }
            }

            KillHost(handle);
        }

        await Plugin.DisposeAsync();
    }

    public static int HostPid(TaskHandle handle)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(handle.DriverState.ToByteArray());
        return doc.RootElement.GetProperty("host_pid").GetInt32();
    }

    private static void KillHost(TaskHandle handle)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(HostPid(handle));
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
