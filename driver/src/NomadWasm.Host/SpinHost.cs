using System.Globalization;
using NomadWasm.Spin.Http;
using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.RuntimeConfig;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Host;

/// <summary>
/// <c>nomad-wasm up</c> end to end: load the app, compile its components, bind Kestrel, print the
/// routes as <c>spin up</c> does, serve until cancelled, then shut down cleanly.
/// </summary>
internal static class SpinHost
{
    /// <summary>Starts serving; the returned handle stops everything when disposed.</summary>
    /// <exception cref="SpinStartupException">The app cannot start; the message says why.</exception>
    public static async Task<RunningApp> StartAsync(UpOptions options, HostLog log, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(console);

        RuntimeConfigModel runtimeConfig;
        IReadOnlyList<IVariableProvider> providers;
        try
        {
            runtimeConfig = options.RuntimeConfigFile is { } file ? RuntimeConfigReader.Load(file) : RuntimeConfigModel.Empty;
            var cliVariables = VariableArguments.Parse(options.Variables, Directory.GetCurrentDirectory());
            providers = VariableProviders.Build(cliVariables, runtimeConfig);
        }
        catch (Exception e) when (e is ManifestException or FormatException or NotSupportedException or IOException)
        {
            throw new SpinStartupException(e.Message, e);
        }

        LoadedApp app;
        try
        {
            app = AppLoader.Load(options.From, new AppLoadOptions { VariableProviders = providers });
            runtimeConfig.ValidateKeyValueStores(app);
        }
        catch (ManifestException e)
        {
            throw new SpinStartupException(e.Message, e);
        }

        foreach (var warning in app.Warnings)
        {
            log.Error("warning: " + warning);
        }

        // --state-dir wins over the runtime config's state_dir; "" means none (in-memory key-value).
        var stateDir = options.StateDir switch
        {
            null => runtimeConfig.ResolveStateDir(app.AppDirectory),
            "" => null,
            var dir => dir,
        };
        stateDir = stateDir is null ? null : Path.GetFullPath(stateDir);

        var maxPages = options.MemoryLimitMb is { } mb
            ? (uint)mb * 16
            : runtimeConfig.MaxInstanceMemory is { } bytes ? (uint)Math.Max(1, bytes / 65536) : (uint?)null;

        var spinApp = SpinApp.Create(app, new SpinAppOptions
        {
            ExtraEnvironment = options.Environment,
            VariableProviders = providers,
            StateDirectory = stateDir,
            KeyValueFiles = KeyValueFiles(runtimeConfig),
            Limits = new ExecutionLimits(options.RequestTimeout, maxPages),
            Log = log,
        });

        HostServer server;
        try
        {
            server = await HostServer.StartAsync(new HostOptions { Listen = options.Listen }, spinApp.Handle, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            spinApp.Dispose();
            throw new SpinStartupException(e.Message, e);
        }

        spinApp.SelfBaseUri = server.BaseUri;
        await PrintRoutesAsync(console, server.BaseUri, spinApp.Routes).ConfigureAwait(false);
        return new RunningApp(server, spinApp);
    }

    /// <summary>Runtime-config key-value stores of type <c>spin</c> (SQLite); other backends are refused.</summary>
    private static Dictionary<string, string> KeyValueFiles(RuntimeConfigModel config)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, store) in config.KeyValueStores)
        {
            if (!string.Equals(store.Type, "spin", StringComparison.Ordinal))
            {
                throw new SpinStartupException($"key-value store \"{label}\": type \"{store.Type}\" is not supported by nomad-wasm (only \"spin\", SQLite)");
            }

            // No path: an in-memory store, as Spin does (the registry treats "" that way).
            files[label] = store.Path is null ? "" : Path.GetFullPath(store.Path);
        }

        return files;
    }

    /// <summary>The startup banner, exactly as <c>spin up</c> prints it (spec §2.1).</summary>
    internal static async Task PrintRoutesAsync(TextWriter console, Uri baseUri, IReadOnlyList<RouteListing> routes)
    {
        var baseUrl = baseUri.GetLeftPart(UriPartial.Authority);
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nServing {baseUrl}\n");
        text.Append("Available Routes:\n");
        foreach (var route in routes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {route.Target}: {baseUrl}{route.Display}\n");
            if (!string.IsNullOrEmpty(route.Description))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {route.Description}\n");
            }
        }

        await console.WriteAsync(text.ToString()).ConfigureAwait(false);
        await console.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>A served app: the listener plus the runtime.</summary>
    internal sealed class RunningApp(HostServer server, SpinApp app) : IAsyncDisposable
    {
        public Uri BaseUri => server.BaseUri;

        public SpinApp App => app;

        public async ValueTask DisposeAsync()
        {
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            {
                await server.StopAsync(timeout.Token).ConfigureAwait(false);
            }

            await server.DisposeAsync().ConfigureAwait(false);
            app.Dispose();
        }
    }
}
