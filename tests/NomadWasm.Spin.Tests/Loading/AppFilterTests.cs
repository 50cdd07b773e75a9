using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Tests.Loading;

public sealed class AppFilterTests
{
    private static LoadedComponent Component(string id, params string[] hosts) =>
        new(id, $"/{id}.wasm", [], new Dictionary<string, string>(), AllowedOutboundHosts.Parse(hosts), [], new Dictionary<string, string>());

    private static readonly LoadedApp App = new(
        "app", null, null, "/app", new Dictionary<string, VariableDefinition>(),
        [Component("front", "http://back.spin.internal"), Component("back"), Component("other")],
        [
            new HttpTriggerConfig("t-front", "/...", "front", HttpExecutorKind.Http, null),
            new HttpTriggerConfig("t-back", null, "back", HttpExecutorKind.Http, null),
            new HttpTriggerConfig("t-other", "/other", "other", HttpExecutorKind.Http, null),
            new HttpTriggerConfig("t-static", "/static", null, HttpExecutorKind.Http, null) { StaticResponse = new StaticResponse(200, [], null) },
        ],
        "/")
    { ManifestPath = "/app/spin.toml" };

    [Fact]
    public void RetainComponents_Subset_DropsOtherComponentsAndTheirTriggers()
    {
        var app = AppFilter.RetainComponents(App, ["front", "back"]);

        Assert.Equal(["front", "back"], app.Components.Select(c => c.Id));
        Assert.Equal(["t-front", "t-back", "t-static"], app.HttpTriggers.Select(t => t.Id));
    }

    [Fact]
    public void RetainComponents_ChainingTargetLeftOut_Throws()
    {
        var ex = Assert.Throws<ManifestException>(() => AppFilter.RetainComponents(App, ["front"]));

        Assert.Contains("\"back\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RetainComponents_UnknownId_ThrowsListingComponents()
    {
        var ex = Assert.Throws<ManifestException>(() => AppFilter.RetainComponents(App, ["nope"]));

        Assert.Contains("back, front, other", ex.Message, StringComparison.Ordinal);
    }
}
