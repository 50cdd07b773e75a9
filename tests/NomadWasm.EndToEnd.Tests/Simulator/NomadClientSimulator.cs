namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// The call sequences a Nomad agent makes (nomad-plugin-protocol.md §2.4): fingerprint process
/// (#1), config-validation process (#2), long-lived client process (#3), and relaunch after a
/// plugin crash.
/// </summary>
internal static class NomadClientSimulator
{
    /// <summary>The plugin config Nomad sends after decoding the agent's block with the plugin's ConfigSchema.</summary>
    public static byte[] PluginConfig(string hostPath = "", string startupTimeout = "30s") => CtyMsgpack.EncodeObject(new Dictionary<string, object?>
    {
        ["enabled"] = true,
        ["host_path"] = hostPath,
        ["startup_timeout"] = startupTimeout,
        ["fingerprint_interval"] = "30s",
    });

    /// <summary>
    /// Process #1: handshake, go-plugin's stdio/broker streams, PluginInfo, ConfigSchema, then
    /// Client.Kill (GRPCController/Shutdown, ≤ 2 s, SIGKILL).
    /// </summary>
    public static async Task<(NomadWasm.Plugin.Protos.Base.PluginInfoResponse Info, NomadWasm.Plugin.Protos.Base.ConfigSchemaResponse Schema, bool ExitedByItself)> FingerprintProcessAsync()
    {
        await using var plugin = await PluginProcess.LaunchAsync();
        using var sideStreams = OpenGoPluginStreams(plugin.Client);
        var driver = new DriverClient(plugin.Client);
        var info = await driver.PluginInfoAsync();
        var schema = await driver.ConfigSchemaAsync();
        var exited = await plugin.ShutdownAsync();
        plugin.AssertLogLinesAreHclog();
        return (info, schema, exited);
    }

    /// <summary>Process #2: SetConfig twice with the same bytes and no nomad_config, then Kill.</summary>
    public static async Task<bool> ValidationProcessAsync(byte[] config)
    {
        await using var plugin = await PluginProcess.LaunchAsync();
        using var sideStreams = OpenGoPluginStreams(plugin.Client);
        var driver = new DriverClient(plugin.Client);
        await driver.SetConfigAsync(config, withNomadConfig: false);
        await driver.SetConfigAsync(config, withNomadConfig: false);
        return await plugin.ShutdownAsync();
    }

    /// <summary>Process #3: SetConfig with nomad_config, Init; the caller opens Fingerprint and TaskEvents.</summary>
    public static async Task<(PluginProcess Plugin, DriverClient Driver)> LongLivedProcessAsync(byte[] config)
    {
        var plugin = await PluginProcess.LaunchAsync();
        var driver = new DriverClient(plugin.Client);
        await driver.SetConfigAsync(config, withNomadConfig: true);
        await driver.InitAsync();
        return (plugin, driver);
    }

    /// <summary>
    /// go-plugin opens GRPCStdio/StreamStdio and GRPCBroker/StartStream right after connecting;
    /// they may fail only with Unimplemented or Unavailable (§5). Disposing cancels them.
    /// </summary>
    public static CancellationTokenSource OpenGoPluginStreams(GrpcClient client)
    {
        var cts = new CancellationTokenSource();
        _ = Consume(client.StreamAsync("/plugin.GRPCStdio/StreamStdio", new Google.Protobuf.WellKnownTypes.Empty(), NomadWasm.Plugin.Protos.GoPlugin.StdioData.Parser, cts.Token));
        _ = Consume(client.StreamAsync("/plugin.GRPCBroker/StartStream", new NomadWasm.Plugin.Protos.GoPlugin.ConnInfo(), NomadWasm.Plugin.Protos.GoPlugin.ConnInfo.Parser, cts.Token));
        return cts;
    }

    private static async Task Consume<T>(IAsyncEnumerable<T> stream)
    {
        try
        {
            await foreach (var _ in stream)
            {
            }
        }
        catch (GrpcStatusException e) when (e.Code is GrpcStatusException.Unimplemented or GrpcStatusException.Unavailable)
        {
            // Tolerated by go-plugin.
        }
        catch (OperationCanceledException)
        {
            // Closed by the simulator.
        }
        catch (HttpRequestException)
        {
            // The plugin went away.
        }
        catch (IOException)
        {
            // The plugin went away.
        }
    }
}
