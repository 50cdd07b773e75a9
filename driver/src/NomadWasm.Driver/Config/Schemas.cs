using NomadWasm.Plugin.Protos.HclSpec;

namespace NomadWasm.Driver.Config;

/// <summary>
/// The hclspec schemas Nomad decodes the agent's plugin config and a job's task config with
/// (nomad-plugin-protocol.md §7). Both roots are objects; every optional attribute is a
/// <c>Default(Attr, Literal)</c> whose inner Attr carries its own name, as hcldec requires (§7.2).
/// </summary>
internal static class Schemas
{
    /// <summary>
    /// <code>
    /// plugin "spin" {
    ///   config {
    ///     enabled              = true   # false: the driver fingerprints as undetected
    ///     host_path            = ""     # runs "&lt;host_path&gt; up ..."; empty = this plugin's executable
    ///     startup_timeout      = "30s"  # StartTask waits this long for the app to listen
    ///     fingerprint_interval = "30s"
    ///   }
    /// }
    /// </code>
    /// </summary>
    public static Spec PluginConfig { get; } = Object(
        ("enabled", Default(Attr("enabled", "bool"), "true")),
        ("host_path", Default(Attr("host_path", "string"), "\"\"")),
        ("startup_timeout", Default(Attr("startup_timeout", "string"), "\"30s\"")),
        ("fingerprint_interval", Default(Attr("fingerprint_interval", "string"), "\"30s\"")));

    /// <summary>
    /// <code>
    /// config {
    ///   app             = "local/hello"        # spin.toml or its directory, relative to the task dir
    ///   port            = "http"               # the group network port label to listen on
    ///   variables       = { greeting = "hi" }  # Spin application variables
    ///   env             = { LOG = "1" }        # guest environment
    ///   request_timeout = "30s"                # per-request deadline ("" = host default)
    /// }
    /// </code>
    /// </summary>
    public static Spec TaskConfig { get; } = Object(
        ("app", Attr("app", "string", required: true)),
        ("port", Default(Attr("port", "string"), "\"" + SpinTaskConfig.DefaultPort + "\"")),
        ("variables", Attr("variables", "map(string)")),
        ("env", Attr("env", "map(string)")),
        ("request_timeout", Default(Attr("request_timeout", "string"), "\"\"")));

    private static Spec Object(params (string Name, Spec Spec)[] attributes)
    {
        var obj = new NomadWasm.Plugin.Protos.HclSpec.Object();
        foreach (var (name, spec) in attributes)
        {
            obj.Attributes.Add(name, spec);
        }

        return new Spec { Object = obj };
    }

    private static Spec Attr(string name, string type, bool required = false) =>
        new() { Attr = new NomadWasm.Plugin.Protos.HclSpec.Attr { Name = name, Type = type, Required = required } };

    private static Spec Default(Spec primary, string literalHcl) =>
        new() { Default = new NomadWasm.Plugin.Protos.HclSpec.Default { Primary = primary, Default_ = new Spec { Literal = new Literal { Value = literalHcl } } } };
}
