namespace NomadWasm.Spin.Http.Wagi;

/// <summary>
/// Builds a Wagi guest's argv from the trigger's <c>argv</c> template (spec §3a): <c>${SCRIPT_NAME}</c>
/// becomes the request path (not the SCRIPT_NAME variable), <c>${ARGS}</c> the raw query string
/// with every <c>&amp;</c> turned into a space; the result is split on single spaces. The default
/// template <c>${SCRIPT_NAME} ${ARGS}</c> gives <c>["/assert-args", "x=y"]</c> for
/// <c>/assert-args?x=y</c> and <c>["/path", ""]</c> without a query.
/// </summary>
internal static class WagiArgv
{
    public static string[] Build(string template, string path, string query)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        var line = template
            .Replace("${SCRIPT_NAME}", path, StringComparison.Ordinal)
            .Replace("${ARGS}", query.Replace('&', ' '), StringComparison.Ordinal);
        return line.Split(' ');
    }
}
