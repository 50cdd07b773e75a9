using NomadWasm.Spin.Loading;
using NomadWasm.Spin.Routing;

namespace NomadWasm.Spin.Tests.Routing;

public sealed class RouterTests
{
    private static HttpTriggerConfig Http(string? route, string component) =>
        new($"{component}-trigger", route, component, HttpExecutorKind.Http, null);

    private static Router Build(params (string? Route, string Component)[] routes) =>
        Router.Build(routes.Select(r => Http(r.Route, r.Component)));

    // Spec §2.3 path-info table (crates/routes test trailing_wildcard_respects_trailing_slash).
    public static TheoryData<string, string, string> PathInfoCases => new()
    {
        { "/test/...", "/test", "" },
        { "/test/...", "/test/", "/" },
        { "/test/...", "/test/hello", "/hello" },
        { "/test/...", "/test/hello/", "/hello/" },
        { "/...", "/", "/" },
        { "/...", "/a/b", "/a/b" },
        { "/test", "/test", "" },
        { "/test", "/test/", "" },
        { "/test/*", "/test/x/y", "/x/y" },
    };

    [Theory]
    [MemberData(nameof(PathInfoCases))]
    public void Route_TrailingWildcard_PathInfoFollowsSpinSlashRules(string route, string path, string expectedPathInfo)
    {
        var match = Build((route, "c")).Route(path);

        Assert.NotNull(match);
        Assert.Equal(expectedPathInfo, match.PathInfo);
    }

    // tests/integration.rs test_http_routing: route /users/:userid/... answers "<userid>:<path-info>".
    [Theory]
    [InlineData("/users/42", "42:")]
    [InlineData("/users/42/", "42:/")]
    [InlineData("/users/42/hello/", "42:/hello/")]
    [InlineData("/users/42/hello/world", "42:/hello/world")]
    public void Route_ParamThenWildcard_CapturesBoth(string path, string expected)
    {
        var match = Build(("/users/:userid/...", "users")).Route(path);

        Assert.NotNull(match);
        var userId = Assert.Single(match.Parameters);
        Assert.Equal("userid", userId.Key);
        Assert.Equal(expected, $"{userId.Value}:{match.PathInfo}");
    }

    [Fact]
    public void Route_SpecWorkedExample_GivesEveryHeaderValue()
    {
        var match = Build(("/users/:userid/cart/...", "cart")).Route("/users/1/cart/items/3/edit");

        Assert.NotNull(match);
        Assert.Equal("cart", match.ComponentId);
        Assert.Equal("/items/3/edit", match.PathInfo);
        Assert.Equal("/users/:userid/cart/...", match.BasedRoute);
        Assert.Equal("/users/:userid/cart/...", match.RawRoute);
        Assert.Equal("/users/:userid/cart", match.ComponentRoute);
        Assert.Equal("/", match.BasePath);
        Assert.Equal([new("userid", "1")], match.Parameters);
        Assert.Equal("spin-path-match-userid", RouteMatch.ParameterHeaderName("userid"));
    }

    [Fact]
    public void Route_RequestShapeConformanceRoute_NamesHeadersWithDashes()
    {
        var match = Build(("/base/:path_segment/:path_end/...", "shape")).Route("/base/a/b/c/d");

        Assert.NotNull(match);
        Assert.Equal([new("path_segment", "a"), new("path_end", "b")], match.Parameters);
        Assert.Equal("/c/d", match.PathInfo);
        Assert.Equal("/base/:path_segment/:path_end", match.ComponentRoute);
        Assert.Equal("spin-path-match-path-segment", RouteMatch.ParameterHeaderName("path_segment"));
        Assert.Equal("X_PATH_MATCH_PATH_SEGMENT", RouteMatch.ParameterVariableName("path_segment"));
    }

    [Fact]
    public void Route_RootRoute_MatchedRouteIsEmptyString()
    {
        var router = Build(("/", "root"));

        var match = router.Route("/");

        Assert.NotNull(match);
        Assert.Equal("", match.BasedRoute);
        Assert.Equal("/", match.RawRoute);
        Assert.Equal("/", match.ComponentRoute);
        Assert.Null(router.Route("/foo"));
    }

    // (routes, request path, expected component): precedence is Exact > Param > Wildcard, leftmost segment first.
    public static TheoryData<string[], string, string> PrecedenceCases => new()
    {
        { ["/...", "/foo"], "/foo", "foo" },
        { ["/foo/...", "/foo"], "/foo", "foo" },
        { ["/foo", "/foo/..."], "/foo/bar", "foo-wild" },
        { ["/users/:id", "/users/admin"], "/users/admin", "users-admin" },
        { ["/users/admin", "/users/:id"], "/users/42", "users-id" },
        { ["/one/two/...", "/one/two/three/..."], "/one/two/three/four", "one-two-three-wild" },
        { ["/one/two/...", "/one/two/three/..."], "/one/two/four", "one-two-wild" },
        { ["/:x/b", "/a/..."], "/a/b", "a-wild" },
        { ["/...", "/static/..."], "/static/css/site.css", "static-wild" },
        { ["/...", "/static/..."], "/other", "wild" },
        { ["/:a/:b", "/x/..."], "/x/y", "x-wild" },
        { ["/files/:name.json", "/files/:name"], "/files/report.json", "files-name.json" },
    };

    [Theory]
    [MemberData(nameof(PrecedenceCases))]
    public void Route_OverlappingRoutes_MostSpecificWins(string[] routes, string path, string expected)
    {
        var router = Router.Build(routes.Select(r => Http(r, NameFor(r))));

        var match = router.Route(path);

        Assert.NotNull(match);
        Assert.Equal(expected, match.ComponentId);
    }

    private static string NameFor(string route)
    {
        var name = route.Trim('/').Replace("/...", "-wild", StringComparison.Ordinal).Replace("...", "wild", StringComparison.Ordinal)
            .Replace('/', '-').Replace(":", "", StringComparison.Ordinal);
        return name.Length == 0 ? "root" : name;
    }

    [Fact]
    public void Build_DuplicateRoute_LastDeclarationWinsAndIsReported()
    {
        var router = Router.Build([Http("/dup", "first"), Http("/other", "other"), Http("/dup", "second")]);

        var match = router.Route("/dup");

        Assert.NotNull(match);
        Assert.Equal("second", match.ComponentId);
        var duplicate = Assert.Single(router.Duplicates);
        Assert.Equal(new DuplicateRoute("/dup", "first-trigger", "second-trigger"), duplicate);
    }

    [Fact]
    public void Build_EquivalentButDifferentlyWrittenRoutes_FirstDeclaredIsTriedFirst()
    {
        var router = Build(("/foo/", "slash"), ("/foo", "plain"));

        Assert.Equal("slash", router.Route("/foo")?.ComponentId);
        Assert.Empty(router.Duplicates);
    }

    [Theory]
    [InlineData("/foo", true)]
    [InlineData("/foo/", true)]
    [InlineData("//foo", true)]
    [InlineData("/foo//", true)]
    [InlineData("/foobar", false)]
    [InlineData("/foo/bar", false)]
    [InlineData("/fo", false)]
    public void Route_ExactRoute_IgnoresLeadingAndTrailingSlashes(string path, bool matches)
    {
        var router = Build(("/foo", "foo"));

        Assert.Equal(matches, router.Route(path) is not null);
    }

    [Theory]
    [InlineData("/users/", false)]
    [InlineData("/users", false)]
    [InlineData("/users/1", true)]
    [InlineData("/users/1/2", false)]
    public void Route_Param_MustBeOneNonEmptySegment(string path, bool matches)
    {
        var router = Build(("/users/:id", "users"));

        Assert.Equal(matches, router.Route(path) is not null);
    }

    [Theory]
    [InlineData("/files/report.json", "report")]
    [InlineData("/files/report.txt", null)]
    public void Route_ParamBeforeDot_StopsAtDot(string path, string? expectedName)
    {
        var match = Build(("/files/:name.json", "files")).Route(path);

        Assert.Equal(expectedName, match?.Parameters.Single().Value);
    }

    [Fact]
    public void Route_PathIsRawPercentEncoded_NoDecoding()
    {
        var match = Build(("/a%20b/...", "enc")).Route("/a%20b/c%2Fd");

        Assert.NotNull(match);
        Assert.Equal("/c%2Fd", match.PathInfo);
    }

    [Fact]
    public void Build_PrivateRoute_IsNotRoutable()
    {
        var router = Build((null, "private"), ("/public", "public"));

        Assert.Null(router.Route("/"));
        Assert.Single(router.Routes);
    }

    [Fact]
    public void Route_NoRouteMatches_ReturnsNull()
    {
        var router = Build(("/a", "a"), ("/b/...", "b"));

        Assert.Null(router.Route("/c"));
    }

    [Fact]
    public void Parse_MissingLeadingSlash_IsAdded()
    {
        var pattern = RoutePattern.Parse("foo/...");

        Assert.Equal("/foo/...", pattern.BasedRoute);
        Assert.Equal("foo/...", pattern.RawRoute);
        Assert.True(pattern.IsWildcard);
        Assert.Equal("/foo", pattern.DisplayPath);
    }

    [Fact]
    public void Build_WithBase_PrefixesRoutesAndReportsBase()
    {
        var router = Router.Build([Http("/users/...", "users")], "/api/");

        var match = router.Route("/api/users/7");

        Assert.NotNull(match);
        Assert.Equal("/api/users/...", match.BasedRoute);
        Assert.Equal("/users/...", match.RawRoute);
        Assert.Equal("/api/", match.BasePath);
        Assert.Equal("/7", match.PathInfo);
        Assert.Null(router.Route("/users/7"));
    }

    [Fact]
    public void Synthetic_ServiceChaining_UsesWildcardShape()
    {
        var match = RouteMatch.Synthetic(Http(null, "backend"), "/api/items?x=1");

        Assert.Equal("/...", match.BasedRoute);
        Assert.Equal("/...", match.RawRoute);
        Assert.Equal("", match.ComponentRoute);
        Assert.Equal("/api/items?x=1", match.PathInfo);
        Assert.Empty(match.Parameters);
    }

    [Theory]
    [InlineData("/a/:")]
    [InlineData("/a/*/b")]
    public void Parse_InvalidPattern_Throws(string route)
    {
        Assert.Throws<FormatException>(() => RoutePattern.Parse(route));
    }

    [Fact]
    public void ContainsReservedRoute_RouteUnderWellKnown_IsTrue()
    {
        Assert.True(Build(("/.well-known/spin/x", "x")).ContainsReservedRoute);
        Assert.False(Build(("/.well-known/other", "x")).ContainsReservedRoute);
    }
}
