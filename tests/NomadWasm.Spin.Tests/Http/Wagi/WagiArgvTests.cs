using NomadWasm.Spin.Http.Wagi;

namespace NomadWasm.Spin.Tests.Http.Wagi;

public sealed class WagiArgvTests
{
    public static TheoryData<string, string, string, string[]> Cases => new()
    {
        // spin tests/integration.rs test_wagi_http: GET /assert-args?x=y
        { "${SCRIPT_NAME} ${ARGS}", "/assert-args", "x=y", new[] { "/assert-args", "x=y" } },
        // no query: a trailing empty argument (spec §3a)
        { "${SCRIPT_NAME} ${ARGS}", "/path", "", new[] { "/path", "" } },
        // & becomes a space, so every pair is its own argument
        { "${SCRIPT_NAME} ${ARGS}", "/p", "a=1&b=2", new[] { "/p", "a=1", "b=2" } },
        { "${SCRIPT_NAME} first ${ARGS} last", "/x", "q", new[] { "/x", "first", "q", "last" } },
        { "static", "/ignored", "ignored", new[] { "static" } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_ExpandsTemplate(string template, string path, string query, string[] expected) =>
        Assert.Equal(expected, WagiArgv.Build(template, path, query));
}
