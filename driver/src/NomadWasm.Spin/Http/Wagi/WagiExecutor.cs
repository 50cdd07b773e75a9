using System.Runtime.InteropServices;
using NomadWasm.Spin.Capabilities;
using NomadWasm.Spin.Loading;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Http.Wagi;

/// <summary>
/// The Wagi executor (spec §3a): a fresh WASI preview-1 command instance per request with the CGI
/// environment, argv from the trigger's template, the body on stdin; <c>_start</c> runs to
/// completion (<c>proc_exit(0)</c> counts as success); stdout is parsed as a CGI response and
/// stderr goes to the log.
/// </summary>
internal sealed class WagiExecutor : IHttpExecutor
{
    private readonly InstancePre _pre;
    private readonly ComponentServices _services;
    private readonly WagiConfig _config;
    private readonly ExecutionLimits _limits;

    public WagiExecutor(InstancePre pre, ComponentServices services, WagiConfig config, ExecutionLimits limits)
    {
        _pre = pre;
        _services = services;
        _config = config;
        _limits = limits;
    }

    public GuestHttpResponse Execute(GuestHttpRequest request, HttpRouteContext route)
    {
        var body = MemoryMarshal.TryGetArray(request.Body, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(request.Body.ToArray(), writable: false);
        using var stdin = body;
        using var stdout = new MemoryStream();
        using var stderr = new GuestOutputStream(_services.Log, _services.Id, isStderr: true);
        var wasi = new WasiConfiguration
        {
            Arguments = WagiArgv.Build(_config.Argv, request.Path, request.Query),
            Environment = WagiEnvironment.Build(_services.Environment, request, route),
            Stdin = stdin,
            Stdout = stdout,
            Stderr = stderr,
            Preopens = _services.Preopens,
        };

        InstanceRunner.Run(_pre, _services, wasi, _limits, static (instance, _) =>
        {
            var start = instance.GetFunction("_start") ?? throw new GuestFailureException("the module does not export `_start`");
            try
            {
                start.Invoke([], []);
            }
            catch (WasiExitException exit) when (exit.ExitCode == 0)
            {
                // proc_exit(0) is a successful run.
            }
            catch (WasiExitException exit)
            {
                throw new GuestFailureException($"the Wagi module exited with status {exit.ExitCode}", exit);
            }

            return true;
        });

        return WagiResponseParser.Parse(stdout.GetBuffer().AsSpan(0, (int)stdout.Length))
            ?? throw new GuestFailureException($"component `{_services.Id}` is configured to use the Wagi executor but did not write to stdout");
    }
}
