using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Routing;
using NomadWasm.Spin.Toml;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Loading;

/// <summary>
/// Reads trigger-specific config. HTTP: crates/http/src/config.rs (<c>deny_unknown_fields</c>; spec
/// §1.5); Redis: crates/trigger-redis/src/lib.rs.
/// </summary>
internal static class TriggerConfigReader
{
    public static HttpTriggerConfig ReadHttp(TomlAccess toml, ManifestTrigger trigger, List<string> warnings)
    {
        var config = trigger.Config;
        var path = trigger.Path;
        toml.DenyUnknownKeys(config, path, "route", "static_response", "executor");

        var routeValue = toml.Require(config, "route", path);
        string? route;
        switch (routeValue)
        {
            case TomlString s:
                route = s.Value;
                try
                {
                    _ = RoutePattern.Parse(route);
                }
                catch (FormatException ex)
                {
                    throw toml.Error(TomlAccess.Join(path, "route"), ex.Message, s);
                }

                if (route.TrimStart('/').StartsWith(".well-known/spin", StringComparison.Ordinal))
                {
                    warnings.Add($"Trigger \"{trigger.Id}\": route \"{route}\" overlaps the reserved /.well-known/spin/ prefix; requests under it never reach the component.");
                }

                break;
            case TomlTable t:
                {
                    var routePath = TomlAccess.Join(path, "route");
                    toml.DenyUnknownKeys(t, routePath, "private");
                    var isPrivate = toml.OptionalBool(t, "private", routePath);
                    if (isPrivate is null)
                    {
                        throw toml.Error(routePath, "a route table must be `{ private = true }`", t);
                    }

                    if (isPrivate == false)
                    {
                        throw toml.Error(TomlAccess.Join(routePath, "private"), "`private = false` is not allowed: give a route string for a public endpoint", t["private"]);
                    }

                    route = null;
                    break;
                }

            default:
                throw toml.TypeError(TomlAccess.Join(path, "route"), "a route string or `{ private = true }`", routeValue);
        }

        StaticResponse? staticResponse = null;
        if (config.TryGetValue("static_response", out var staticValue))
        {
            staticResponse = ReadStaticResponse(toml, staticValue, TomlAccess.Join(path, "static_response"));
        }

        if (trigger.ComponentRef is null && staticResponse is null)
        {
            throw toml.Error(path, "an HTTP trigger needs a `component` or a `static_response`", trigger.At);
        }

        if (trigger.ComponentRef is not null && staticResponse is not null)
        {
            throw toml.ErrorAtKey(config, "static_response", TomlAccess.Join(path, "static_response"), "an HTTP trigger cannot have both a `component` and a `static_response`");
        }

        var (executor, wagi) = ReadExecutor(toml, config, path);
        if (staticResponse is not null && config.ContainsKey("executor"))
        {
            throw toml.ErrorAtKey(config, "executor", TomlAccess.Join(path, "executor"), "a `static_response` trigger has no executor");
        }

        return new HttpTriggerConfig(trigger.Id!, route, trigger.ComponentRef, executor, wagi) { StaticResponse = staticResponse };
    }

    private static (HttpExecutorKind, WagiConfig?) ReadExecutor(TomlAccess toml, TomlTable config, string path)
    {
        if (!config.TryGetValue("executor", out var value))
        {
            return (HttpExecutorKind.Http, null);
        }

        var executorPath = TomlAccess.Join(path, "executor");
        var table = toml.AsTable(value, executorPath);
        var type = toml.RequireString(table, "type", executorPath);
        switch (type)
        {
            case "http" or "spin" or "wasip3-unstable":
                toml.DenyUnknownKeys(table, executorPath, "type");
                return (HttpExecutorKind.Http, null);
            case "wagi":
                {
                    toml.DenyUnknownKeys(table, executorPath, "type", "argv", "entrypoint");
                    var entrypoint = toml.OptionalString(table, "entrypoint", executorPath) ?? WagiConfig.DefaultEntrypoint;
                    if (entrypoint != WagiConfig.DefaultEntrypoint)
                    {
                        throw toml.Error(TomlAccess.Join(executorPath, "entrypoint"),
                            $"Wagi entrypoint \"{entrypoint}\" is not supported: the Wagi executor always runs `_start` (the deprecated `entrypoint` may only be \"_start\")", table["entrypoint"]);
                    }

                    var argv = toml.OptionalString(table, "argv", executorPath) ?? WagiConfig.DefaultArgv;
                    return (HttpExecutorKind.Wagi, new WagiConfig(entrypoint, argv));
                }

            default:
                throw toml.Error(TomlAccess.Join(executorPath, "type"), $"unknown executor type \"{type}\"; expected \"http\" (alias \"spin\") or \"wagi\"", table["type"]);
        }
    }

    private static StaticResponse ReadStaticResponse(TomlAccess toml, TomlValue value, string path)
    {
        var table = toml.AsTable(value, path);
        toml.DenyUnknownKeys(table, path, "status_code", "headers", "body");
        var status = toml.OptionalInteger(table, "status_code", path) ?? 200;
        if (status is < 100 or > 999)
        {
            throw toml.Error(TomlAccess.Join(path, "status_code"), $"invalid HTTP status code {status}", table["status_code"]);
        }

        var headers = toml.OptionalStringMap(table, "headers", path)
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value))
            .ToList();
        return new StaticResponse((int)status, headers, toml.OptionalString(table, "body", path));
    }

    public static RedisTriggerConfig ReadRedis(TomlAccess toml, ManifestTrigger trigger, IReadOnlySet<string> variableNames, string? defaultAddress)
    {
        var config = trigger.Config;
        var path = trigger.Path;
        toml.DenyUnknownKeys(config, path, "channel", "address");
        var channel = toml.RequireString(config, "channel", path);
        var address = toml.OptionalString(config, "address", path);
        CheckTemplate(toml, channel, TomlAccess.Join(path, "channel"), config["channel"], variableNames);
        if (address is not null)
        {
            CheckTemplate(toml, address, TomlAccess.Join(path, "address"), config["address"], variableNames);
        }

        if (trigger.ComponentRef is null)
        {
            throw toml.Error(path, "missing required field `component`", trigger.At);
        }

        address ??= defaultAddress ?? throw toml.Error(path, "no Redis address: give `address` here or a default in [application.trigger.redis] address", trigger.At);
        return new RedisTriggerConfig(trigger.Id!, trigger.ComponentRef, channel, address);
    }

    /// <summary>Parses a template and checks every referenced name is a declared application variable.</summary>
    public static Template CheckTemplate(TomlAccess toml, string text, string path, TomlValue at, IReadOnlySet<string> variableNames)
    {
        Template template;
        try
        {
            template = Template.Parse(text);
        }
        catch (FormatException ex)
        {
            throw toml.Error(path, "invalid template: " + ex.Message, at);
        }

        foreach (var name in template.References)
        {
            if (!variableNames.Contains(name))
            {
                throw toml.Error(path, $"unknown variable \"{name}\" in template \"{text}\": declare it under [variables]", at);
            }
        }

        return template;
    }
}
