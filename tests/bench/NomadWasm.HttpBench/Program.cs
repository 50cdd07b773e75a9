using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NomadWasm.Host;
using NomadWasm.HttpBench;
using NomadWasm.Spin.Http;

// HTTP throughput of hello-world apps under `nomad-wasm up` (in-process, same code path) next to a
// bare Kestrel endpoint returning the same bytes, all measured with wrk in one run, loopback only.
// Usage: http-bench.sh [--duration 10] [--connections 32] [--threads 2] [--rounds 2] [--jobs <repo>/jobs]
var duration = Option("--duration", 10);
var connections = Option("--connections", 32);
var threads = Option("--threads", 2);
var jobs = Path.GetFullPath(OptionText("--jobs", Path.Combine(FindRepoRoot(), "jobs")));

var rounds = Option("--rounds", 2);

// All three servers run side by side; each round measures them in turn, so a change in the
// machine's load hits every endpoint alike. The best round per endpoint is reported.
await using var bare = await BareServer.StartAsync(FreePort(), Encoding.UTF8.GetBytes("Hello from Spin C\n"));
await using var log = new HostLog(TextWriter.Null, Console.Error) { LogRequests = false };
await using var wagi = await SpinHost.StartAsync(new UpOptions { From = Path.Combine(jobs, "hello-wagi-c"), Listen = $"127.0.0.1:{FreePort()}", StateDir = "" }, log, TextWriter.Null, CancellationToken.None);
await using var spin = await SpinHost.StartAsync(new UpOptions { From = Path.Combine(jobs, "hello-spin-c"), Listen = $"127.0.0.1:{FreePort()}", StateDir = "" }, log, TextWriter.Null, CancellationToken.None);
var endpoints = new (string Name, Uri Uri)[]
{
    ("bare Kestrel (same bytes)", bare.Uri),
    ("hello-wagi-c (Wagi)", wagi.BaseUri),
    ("hello-spin-c (Spin 1.x)", spin.BaseUri),
};
var best = new WrkResult?[endpoints.Length];
for (var round = 0; round < rounds; round++)
{
    for (var i = 0; i < endpoints.Length; i++)
    {
        var result = Measure(endpoints[i].Uri);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {endpoints[i].Name}: {result.RequestsPerSecond:0} req/s"));
        if (best[i] is null || result.RequestsPerSecond > best[i]!.RequestsPerSecond)
        {
            best[i] = result;
        }
    }
}

var results = endpoints.Select((e, i) => (e.Name, Result: best[i]!)).ToList();
var baseline = results[0].Result.RequestsPerSecond;
Console.WriteLine();
Console.WriteLine($"wrk -t{threads} -c{connections} -d{duration}s --latency, loopback, best of {rounds} rounds, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine();
Console.WriteLine("| endpoint | requests/s | vs bare | p50 (ms) | p99 (ms) | errors |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, r) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.RequestsPerSecond:0} | {r.RequestsPerSecond / baseline:P0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} |"));
}

Console.WriteLine();
foreach (var app in new[] { "hello-wagi-c", "hello-spin-c" })
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{app}: per-request cost without HTTP (fresh instance + guest call + response) {InProcessCost(Path.Combine(jobs, app)):0.0} us"));
}

return 0;

WrkResult Measure(Uri uri)
{
    Wrk(uri, 2); // warm-up: JIT, connection pools
    var output = Wrk(uri, duration);
    return WrkResult.Parse(output);
}

string Wrk(Uri uri, int seconds)
{
    var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var arg in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", uri.ToString() })
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start wrk");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output;
}

static double InProcessCost(string appDirectory)
{
    var app = NomadWasm.Spin.Loading.AppLoader.Load(appDirectory);
    using var spin = SpinApp.Create(app, new SpinAppOptions());
    var request = new GuestHttpRequest { Method = "GET", Path = "/", Host = "localhost", Client = new IPEndPoint(IPAddress.Loopback, 1) };
    for (var i = 0; i < 2000; i++)
    {
        spin.Handle(request);
    }

    const int n = 20000;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        if (spin.Handle(request).Response.Status != 200)
        {
            throw new InvalidOperationException("unexpected status");
        }
    }

    return watch.Elapsed.TotalMicroseconds / n;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NomadWasm.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

int Option(string name, int fallback) =>
    int.Parse(OptionText(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string OptionText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
