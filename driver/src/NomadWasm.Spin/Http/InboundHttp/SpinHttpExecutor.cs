using NomadWasm.Spin.Capabilities;
using NomadWasm.Wasm.Runtime;
using NomadWasm.Wasm.Wasi.Preview1;

namespace NomadWasm.Spin.Http.InboundHttp;

/// <summary>
/// The Spin 1.x executor (spec §3b, crates/trigger-http/src/spin.rs): lowers the request into a
/// fresh instance, calls <c>handle-http-request</c>, lifts and frees the response. Headers = client
/// headers then the <c>spin-*</c> headers; <c>uri</c> = path and query; <c>params</c> empty; body
/// always present. Methods outside GET..OPTIONS get 405 without running the guest; a status outside
/// 100..=600 becomes 500.
/// </summary>
internal sealed class SpinHttpExecutor : IHttpExecutor
{
    private readonly InstancePre _pre;
    private readonly ComponentServices _services;
    private readonly ExecutionLimits _limits;

    // The guest's WASI view is the same for every request: built once, its argv/environ blobs
    // encoded once; stdout/stderr are shared line-forwarding streams.
    private readonly WasiConfiguration _wasi;

    public SpinHttpExecutor(InstancePre pre, ComponentServices services, ExecutionLimits limits)
    {
        _pre = pre;
        _services = services;
        _limits = limits;
        _wasi = new WasiConfiguration
        {
            Arguments = [services.Id],
            Environment = services.Environment,
            Stdout = new GuestOutputStream(services.Log, services.Id, isStderr: false, shared: true),
            Stderr = new GuestOutputStream(services.Log, services.Id, isStderr: true, shared: true),
            Preopens = services.Preopens,
        };
    }

    public GuestHttpResponse Execute(GuestHttpRequest request, HttpRouteContext route)
    {
        var method = InboundHttpAbi.MethodIndex(request.Method);
        if (method < 0)
        {
            return GuestHttpResponse.Empty(405);
        }

        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 8);
        headers.AddRange(request.Headers);
        SpinHeaders.AppendTo(headers, request, route);

        var response = InstanceRunner.Run(_pre, _services, _wasi, _limits, (instance, state) =>
        {
            var memory = state.Bind(instance);
            InstanceRunner.Initialize(instance);
            var handler = instance.GetFunction(InboundHttpAbi.HandlerExport)
                ?? throw new GuestFailureException($"the module does not export `{InboundHttpAbi.HandlerExport}`");

            Span<int> flat = stackalloc int[InboundHttpAbi.ParameterCount];
            InboundHttpAbi.LowerRequest(memory, method, request.PathAndQuery, headers, request.Body.Span, flat);
            var args = new Value[InboundHttpAbi.ParameterCount];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = Value.FromI32(flat[i]);
            }

            var result = new Value[1];
            handler.Invoke(args, result);
            return InboundHttpAbi.LiftResponse(memory, (uint)result[0].I32);
        });

        if (response.Status is < 100 or > 600)
        {
            _services.Log.Error($"[{_services.Id}] malformed HTTP status code {response.Status}; answering 500");
            return GuestHttpResponse.InternalError;
        }

        return response;
    }
}
