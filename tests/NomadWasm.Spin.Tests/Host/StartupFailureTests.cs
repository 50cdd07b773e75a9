using NomadWasm.Spin.Http;
using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Host;

/// <summary>Bad apps are refused at startup with a message naming the offending item, never a crash or hang.</summary>
public sealed class StartupFailureTests
{
    private static readonly string HelloSpin = RepoPaths.Jobs("hello-spin-c", "hello.wasm");
    private static readonly string HelloWagi = RepoPaths.Jobs("hello-wagi-c", "hello.wasm");

    public static TheoryData<string, Dictionary<string, string>, string> Cases => new()
    {
        { App("source = \"missing.wasm\""), [], "missing.wasm" },
        { App("source = \"web.wasm\""), new() { [RepoPaths.Jobs("wagi-echo-c", "spin.toml")] = "web.wasm" }, "not a valid WebAssembly binary" },
        { App("source = \"web.wasm\""), new() { [HelloWagi] = "web.wasm" }, "executor = { type = \"wagi\" }" },
        { App("source = \"web.wasm\"", "executor = { type = \"wagi\" }"), new() { [HelloSpin] = "web.wasm" }, "does not export `_start`" },
        { App("source = \"web.wasm\"\nkey_value_stores = [\"cache\"]"), new() { [HelloSpin] = "web.wasm" }, "cache" },
        { App("source = \"web.wasm\"", extraApp: "\n[variables]\nneeded = { required = true }"), new() { [HelloSpin] = "web.wasm" }, "needed" },
        { App("source = \"web.wasm\"\nunknown_key = 1"), new() { [HelloSpin] = "web.wasm" }, "unknown_key" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Start_BadApp_FailsNamingTheProblem(string manifest, Dictionary<string, string> files, string expected)
    {
        var error = await AppHarness.StartFailingAsync(manifest, files);

        Assert.IsType<SpinStartupException>(error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Component_IsRefusedSayingWhatIsSupported()
    {
        var component = Path.Combine(Path.GetTempPath(), "nw-component-" + Guid.NewGuid().ToString("N") + ".wasm");
        await File.WriteAllBytesAsync(component, [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);
        try
        {
            var error = await AppHarness.StartFailingAsync(App("source = \"web.wasm\""), new Dictionary<string, string> { [component] = "web.wasm" });

            Assert.Contains("component `web`", error.Message, StringComparison.Ordinal);
            Assert.Contains("WebAssembly component", error.Message, StringComparison.Ordinal);
            Assert.Contains("Spin 1.x", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(component);
        }
    }

    [Fact]
    public async Task Start_UnknownImport_IsALinkErrorNamingTheImport()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nw-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var wasm = Path.Combine(dir, "m.wasm");
            await File.WriteAllTextAsync(Path.Combine(dir, "m.wat"), """
                (module
                  (import "nosuch" "thing" (func))
                  (memory (export "memory") 1)
                  (func (export "canonical_abi_realloc") (param i32 i32 i32 i32) (result i32) i32.const 0)
                  (func (export "canonical_abi_free") (param i32 i32 i32))
                  (func (export "handle-http-request") (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32) i32.const 0))
                """);
            using (var p = System.Diagnostics.Process.Start("wat2wasm", [Path.Combine(dir, "m.wat"), "-o", wasm]))
            {
                await p.WaitForExitAsync();
                Assert.Equal(0, p.ExitCode);
            }

            var error = await AppHarness.StartFailingAsync(App("source = \"web.wasm\""), new Dictionary<string, string> { [wasm] = "web.wasm" });

            Assert.Contains("component `web`", error.Message, StringComparison.Ordinal);
            Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Start_ListenAddressInUse_IsAStartupError()
    {
        using var blocker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((System.Net.IPEndPoint)blocker.LocalEndpoint).Port;

        var error = await AppHarness.StartFailingAsync(App("source = \"web.wasm\""), new Dictionary<string, string> { [HelloSpin] = "web.wasm" }, o => o with { Listen = $"127.0.0.1:{port}" });

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    private static string App(string component, string extraTrigger = "", string extraApp = "") => $"""
        spin_manifest_version = 2

        [application]
        name = "bad"
        {extraApp}

        [[trigger.http]]
        route = "/..."
        component = "web"
        {extraTrigger}

        [component.web]
        {component}
        """;
}
