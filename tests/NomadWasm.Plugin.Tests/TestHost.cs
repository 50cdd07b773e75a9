using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using NomadWasm.Plugin.Grpc;

namespace NomadWasm.Plugin.Tests;

/// <summary>
/// Entry point used when the test assembly is started as a process (<c>dotnet NomadWasm.Plugin.Tests.dll plugin-host</c>):
/// a real plugin process for the handshake tests. The xunit runner never calls it.
/// </summary>
internal static class TestHost
{
    internal const string Argument = "plugin-host";
    internal const string LogPath = "/test.Host/Log";

    internal static async Task<int> Main(string[] args)
    {
        if (args is not [Argument])
        {
            return 0;
        }

        var options = new PluginServerOptions { PluginName = "nomad-wasm-test", MinimumLogLevel = LogLevel.Trace };
        return await PluginServer.RunAsync(options, static services =>
        {
            var logger = services.LoggerFactory.CreateLogger("nomad-wasm-test.host");
            services.MapUnary<StringValue, StringValue>(LogPath, (request, _) =>
            {
                logger.LogInformation("logged {Text} with {Count}", request.Value, 3);
                Console.WriteLine("stray console output");
                return Task.FromResult(request);
            });
        }, CancellationToken.None);
    }
}
