using NomadWasm.Spin.Tests.TestSupport;

namespace NomadWasm.Spin.Tests.Capabilities.Variables;

/// <summary>
/// Provider order (spec §4.2, §9 item 1): <c>--variable</c> &gt; runtime-config providers (file order) &gt;
/// <c>SPIN_VARIABLE_*</c> environment &gt; the manifest default.
/// </summary>
public sealed class VariablePrecedenceTests
{
    public static TheoryData<bool, bool, bool, string> Cases => new()
    {
        // --variable, runtime config, environment → expected
        { true, true, true, "hi from-cli" },
        { false, true, true, "hi from-runtime-config" },
        { false, false, true, "hi from-env" },
        { false, false, false, "hi default-value" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Get_UsesTheHighestPriorityProvider(bool cli, bool runtimeConfig, bool env, string expected)
    {
        // Each case uses its own variable name, so the process-wide environment variable cannot leak
        // into other tests running in parallel.
        var name = "who_" + Guid.NewGuid().ToString("N")[..8];
        var envName = "SPIN_VARIABLE_" + name.ToUpperInvariant();
        var rc = Path.Combine(Path.GetTempPath(), "nw-rc-" + Guid.NewGuid().ToString("N") + ".toml");
        await File.WriteAllTextAsync(rc, $"[[variables_provider]]\ntype = \"static\"\nvalues = {{ {name} = \"from-runtime-config\" }}\n");
        Environment.SetEnvironmentVariable(envName, env ? "from-env" : null);
        var manifest = $$$"""
            spin_manifest_version = 2

            [application]
            name = "vars"

            [variables]
            {{{name}}} = { default = "default-value" }

            [[trigger.http]]
            route = "/..."
            component = "caps"

            [component.caps]
            source = "capabilities.wasm"

            [component.caps.variables]
            greeting = "hi {{ {{{name}}} }}"
            """;
        try
        {
            await using var app = await AppHarness.StartAsync(
                manifest,
                new Dictionary<string, string> { [RepoPaths.Jobs("spin-capabilities-c", "capabilities.wasm")] = "capabilities.wasm" },
                o => o with { Variables = cli ? [$"{name}=from-cli"] : [], RuntimeConfigFile = runtimeConfig ? rc : null, StateDir = "" });

            Assert.Equal("value=" + expected, await app.Client.GetStringAsync("/config/greeting"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(envName, null);
            File.Delete(rc);
        }
    }
}
