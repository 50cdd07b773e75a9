using System.Text;
using System.Text.Json;
using NomadWasm.Spin.Capabilities;
using NomadWasm.Spin.Capabilities.KeyValue;
using NomadWasm.Spin.Capabilities.OutboundHttp;
using NomadWasm.Spin.Capabilities.Redis;
using NomadWasm.Spin.Capabilities.Variables;
using NomadWasm.Spin.Http.InboundHttp;
using NomadWasm.Spin.Http.Wagi;
using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Variables;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Http;

/// <summary>
/// A running Spin app's HTTP trigger (spec §2): components compiled and linked once at startup,
/// then every request routed, answered by the well-known endpoints, a static response, or a
/// fresh instance of its component. Thread-safe; requests run in parallel.
/// </summary>
internal sealed partial class SpinApp : IDisposable
{
    public const string WellKnownPrefix = "/.well-known/spin/";

    private readonly LoadedApp _app;
    private readonly Dictionary<string, IHttpExecutor> _executors; // by trigger id
    private readonly Dictionary<string, IHttpExecutor> _byComponent = new(StringComparer.Ordinal);
    private readonly KeyValueRegistry _keyValue;
    private readonly RedisConnectionPool _redis;
    private readonly HttpClient _http;
    private readonly IRuntimeLog _log;
    private readonly string? _ownedAssets;
    private readonly byte[] _info;

    private SpinApp(LoadedApp app, Dictionary<string, IHttpExecutor> executors, KeyValueRegistry keyValue, RedisConnectionPool redis, HttpClient http, IRuntimeLog log, string? ownedAssets)
    {
        _app = app;
        _executors = executors;
        _keyValue = keyValue;
        _redis = redis;
        _http = http;
        _log = log;
        _ownedAssets = ownedAssets;
        _info = AppInfoJson(app);
        Router = BuildRouter(app);
        Routes = BuildListing(app, Router);
    }

    /// <summary>The routes in the order Spin prints them.</summary>
    public IReadOnlyList<RouteListing> Routes { get; }

    /// <summary>The app's own listener, for self requests; set once the host has bound it.</summary>
    public Uri? SelfBaseUri { get; set; }

    /// <summary>Compiles, links and checks every component an HTTP trigger uses.</summary>
    /// <exception cref="SpinStartupException">Anything that keeps the app from serving; the message names the component and the reason.</exception>
    public static SpinApp Create(LoadedApp app, SpinAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var log = options.Log;

        var resolver = new VariableResolver(app, options.VariableProviders);
        try
        {
            resolver.ValidateRequired();
        }
        catch (VariableException e)
        {
            throw new SpinStartupException(e.Message, e);
        }

        var engine = new Engine(new EngineConfig());
        var linker = new Linker(engine);
        WasiPreview1.AddTo(linker);
        LegacyImports.AddTo(linker);

        var keyValue = new KeyValueRegistry(options.StateDirectory, options.KeyValueFiles);
        var redis = new RedisConnectionPool();
        var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        { Timeout = options.OutboundHttpTimeout };

        var ownedAssets = options.AssetsDirectory is null ? Path.Combine(Path.GetTempPath(), "nomad-wasm-assets-" + Guid.NewGuid().ToString("N")) : null;
        var assets = options.AssetsDirectory ?? ownedAssets!;
        var executors = new Dictionary<string, IHttpExecutor>(StringComparer.Ordinal);
        SpinApp? result = null;
        try
        {
            result = new SpinApp(app, executors, keyValue, redis, http, log, ownedAssets);
            var self = result;
            var compiled = new Dictionary<string, (InstancePre Pre, ModuleKind Kind, ComponentServices Services)>(StringComparer.Ordinal);
            foreach (var trigger in app.HttpTriggers)
            {
                if (trigger.ComponentId is not { } id)
                {
                    continue;
                }

                if (!compiled.TryGetValue(id, out var entry))
                {
                    var component = app.FindComponent(id)
                        ?? throw new SpinStartupException($"trigger `{trigger.Id}` names component `{id}`, which does not exist");
                    var services = CreateServices(component, options, assets, resolver, keyValue, http, redis, self);
                    var (pre, kind) = Compile(engine, linker, trigger, services);
                    entry = (pre, kind, services);
                    compiled[id] = entry;
                }
                else if (trigger.Executor == HttpExecutorKind.Wagi != (entry.Kind == ModuleKind.WagiCommand))
                {
                    throw new SpinStartupException($"trigger `{trigger.Id}`: component `{id}` is used with both the wagi and the http executor");
                }

                var executor = entry.Kind == ModuleKind.WagiCommand
                    ? (IHttpExecutor)new WagiExecutor(entry.Pre, entry.Services, trigger.Wagi ?? WagiConfig.Default, options.Limits)
                    : new SpinHttpExecutor(entry.Pre, entry.Services, options.Limits);
                executors[trigger.Id] = executor;
                result._byComponent.TryAdd(id, executor);
            }

            return result;
        }
        catch
        {
            (result as IDisposable)?.Dispose();
            if (result is null)
            {
                keyValue.Dispose();
                redis.Dispose();
                http.Dispose();
            }

            throw;
        }
    }

    /// <summary>Handles one request (spec §2.2). Never throws: failures become 500 with the error attached.</summary>
    public HttpOutcome Handle(GuestHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWith(WellKnownPrefix, StringComparison.Ordinal))
        {
            return WellKnown(request.Path.AsSpan(WellKnownPrefix.Length));
        }

        var match = Match(request.Path);
        if (match is null)
        {
            return new HttpOutcome(GuestHttpResponse.NotFound, null);
        }

        var (trigger, route) = match.Value;
        if (trigger.StaticResponse is { } fixedResponse)
        {
            var body = fixedResponse.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(fixedResponse.Body);
            return new HttpOutcome(new GuestHttpResponse(fixedResponse.StatusCode, fixedResponse.Headers, body), trigger.Id);
        }

        var componentId = trigger.ComponentId!;
        try
        {
            return new HttpOutcome(_executors[trigger.Id].Execute(request, route), componentId);
        }
#pragma warning disable CA1031 // The request boundary: any guest or host failure becomes 500 with the error logged (spec §2.8).
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new HttpOutcome(GuestHttpResponse.InternalError, componentId, e);
        }
    }

    public void Dispose()
    {
        _keyValue.Dispose();
        _redis.Dispose();
        _http.Dispose();
        if (_ownedAssets is not null && Directory.Exists(_ownedAssets))
        {
            try
            {
                Directory.Delete(_ownedAssets, recursive: true);
            }
            catch (IOException e)
            {
                _log.Error($"cannot remove the assets directory {_ownedAssets}: {e.Message}");
            }
        }
    }

    /// <summary>Service chaining: runs <paramref name="componentId"/> in-process on a synthetic match (spec §2.10).</summary>
    private GuestHttpResponse? Chain(string componentId, GuestHttpRequest request)
    {
        if (!_byComponent.TryGetValue(componentId, out var executor))
        {
            return null;
        }

        var route = new HttpRouteContext("/...", "/...", request.Path, []);
        return executor.Execute(request with { Client = new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0) }, route);
    }

    private HttpOutcome WellKnown(ReadOnlySpan<char> name)
    {
        if (name.SequenceEqual("health"))
        {
            return new HttpOutcome(new GuestHttpResponse(200, [], "OK"u8.ToArray()), "well-known");
        }

        if (name.SequenceEqual("info"))
        {
            return new HttpOutcome(new GuestHttpResponse(200, [new("content-type", "application/json")], _info), "well-known");
        }

        return new HttpOutcome(GuestHttpResponse.NotFound, "well-known");
    }

    private static ComponentServices CreateServices(LoadedComponent component, SpinAppOptions options, string assets, VariableResolver resolver, KeyValueRegistry keyValue, HttpClient http, RedisConnectionPool redis, SpinApp self)
    {
        var id = component.Id;
        foreach (var label in component.KeyValueStores)
        {
            if (!keyValue.IsDefined(label))
            {
                throw new SpinStartupException($"component `{id}`: key-value store \"{label}\" is not defined; define it in the runtime config as [key_value_store.{label}]");
            }
        }

        return new ComponentServices
        {
            Component = component,
            Environment = [.. component.Environment, .. options.ExtraEnvironment],
            Preopens = MountFiles(component, assets),
            Variables = new ComponentVariables(resolver, component),
            KeyValue = new KeyValueAccess(keyValue, component.KeyValueStores),
            OutboundHttp = new OutboundHttpContext(id, component.AllowedOutboundHosts, http, options.Log)
            {
                SelfBaseUri = () => self.SelfBaseUri,
                ServiceChain = self.Chain,
            },
            Redis = new RedisContext(id, component.AllowedOutboundHosts, redis, options.Log),
            Log = options.Log,
        };
    }

    private static (InstancePre Pre, ModuleKind Kind) Compile(Engine engine, Linker linker, HttpTriggerConfig trigger, ComponentServices services)
    {
        var id = services.Id;
        var path = services.Component.SourcePath;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpinStartupException($"component `{id}`: cannot read '{path}': {e.Message}", e);
        }

        ModuleKind kind;
        try
        {
            kind = ModuleClassifier.Classify(id, path, WasmBinaryInfo.Read(bytes), trigger.Executor);
        }
        catch (FormatException e)
        {
            throw new SpinStartupException($"component `{id}`: '{path}' is not a valid WebAssembly binary: {e.Message}", e);
        }
        catch (UnsupportedModuleException e)
        {
            throw new SpinStartupException(e.Message, e);
        }

        InstancePre pre;
        try
        {
            pre = linker.Prepare(engine.Compile(bytes));
        }
        catch (LinkException e)
        {
            throw new SpinStartupException($"component `{id}`: cannot link '{path}': {e.Message}", e);
        }
#pragma warning disable CA1031 // Startup boundary: any decode/validate/compile failure names the component and stops startup.
        catch (Exception e) when (e is not SpinStartupException)
#pragma warning restore CA1031
        {
            throw new SpinStartupException($"component `{id}`: cannot compile '{path}': {e.Message}", e);
        }

        return (pre, kind);
    }

    /// <summary>Copies the component's files into its own directory, preopened read-only at guest <c>/</c> (spec §1.7).</summary>
    private static IReadOnlyList<WasiPreopen> MountFiles(LoadedComponent component, string assets)
    {
        if (component.Files.Count == 0)
        {
            return [];
        }

        var root = Path.Combine(assets, component.Id);
        foreach (var file in component.Files)
        {
            var relative = file.GuestPath.TrimStart('/');
            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal))
            {
                throw new SpinStartupException($"component `{component.Id}`: file destination '{file.GuestPath}' escapes the guest root");
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file.SourcePath, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SpinStartupException($"component `{component.Id}`: cannot place file '{file.SourcePath}' at '{file.GuestPath}': {e.Message}", e);
            }
        }

        return [new WasiPreopen(root, "/", ReadOnly: true)];
    }

    /// <summary><c>/.well-known/spin/info</c>: pretty-printed <c>{ name, version? }</c> (spec §2.6).</summary>
    private static byte[] AppInfoJson(LoadedApp app)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", app.Name);
            if (!string.IsNullOrEmpty(app.Version))
            {
                writer.WriteString("version", app.Version);
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
