namespace NomadWasm.Driver.Config;

/// <summary>
/// A job's <c>config { ... }</c> for <c>driver = "spin"</c> (see <see cref="Schemas.TaskConfig"/>).
/// </summary>
/// <param name="App">spin.toml or the directory holding it; relative paths are under the task directory.</param>
/// <param name="Port">The port label (group <c>network { port "&lt;label&gt;" {} }</c>) the HTTP trigger listens on.</param>
/// <param name="Variables">Spin application variables (<c>--variable k=v</c>).</param>
/// <param name="Environment">Environment variables for the guest components (<c>--env K=V</c>).</param>
/// <param name="RequestTimeout">Per-request deadline, a Go duration such as "30s"; empty leaves the host default.</param>
internal sealed record SpinTaskConfig(
    string App,
    string Port,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Environment,
    string RequestTimeout)
{
    public const string DefaultPort = "http";
}
