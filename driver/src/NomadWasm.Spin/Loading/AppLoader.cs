using NomadWasm.Spin.Manifest;
using NomadWasm.Spin.Toml;
using NomadWasm.Spin.Variables;

namespace NomadWasm.Spin.Loading;

/// <summary>
/// Loads a Spin application from a <c>spin.toml</c> (spec §0 step 2, §1): reads v1 or v2, converts and
/// normalizes, validates ids, references and templates, expands files, resolves allowed hosts, and checks
/// required variables. Everything is validated before anything runs; the first problem is reported as a
/// <see cref="ManifestException"/> naming file, key and reason.
/// </summary>
public static class AppLoader
{
    /// <summary>The manifest file name looked for in a directory.</summary>
    public const string ManifestFileName = "spin.toml";

    /// <summary>
    /// Loads the app whose manifest is <paramref name="pathToSpinTomlOrDirectory"/> (a <c>spin.toml</c>
    /// file, or a directory containing one).
    /// </summary>
    /// <exception cref="ManifestException">The manifest is missing or invalid; the message names file, key and reason.</exception>
    public static LoadedApp Load(string pathToSpinTomlOrDirectory, AppLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pathToSpinTomlOrDirectory);
        var file = Path.GetFullPath(pathToSpinTomlOrDirectory);
        if (File.Exists(file) && file.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            return LoadWasmFile(file, options);
        }

        if (Directory.Exists(file))
        {
            file = Path.Combine(file, ManifestFileName);
        }

        if (!File.Exists(file))
        {
            throw new ManifestException(file, null, "the manifest file does not exist");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(file, null, "cannot read the manifest: " + ex.Message, inner: ex);
        }

        TomlTable root;
        try
        {
            root = TomlReader.Parse(bytes);
        }
        catch (TomlException ex)
        {
            throw new ManifestException(file, null, "invalid TOML: " + ex.Reason, ex.Line, ex.Column, ex);
        }

        var manifest = ManifestParser.Parse(root, file);
        return Load(manifest, options ?? new AppLoadOptions(), Path.GetDirectoryName(file)!);
    }

    /// <summary>
    /// Loads a bare Wasm file as a one-component app (crates/loader/src/lib.rs <c>from_wasm_file</c>; spec
    /// §7.2): app name = file stem, one HTTP trigger on <c>/...</c> with an inline component (ids
    /// <c>http-trigger1</c> / <c>http-trigger1-component</c>), app directory = the current directory.
    /// </summary>
    /// <exception cref="ManifestException">The file does not exist.</exception>
    public static LoadedApp LoadWasmFile(string wasmPath, AppLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(wasmPath);
        var file = Path.GetFullPath(wasmPath);
        if (!File.Exists(file))
        {
            throw new ManifestException(file, null, "the Wasm file does not exist");
        }

        var name = Path.GetFileNameWithoutExtension(file);
        var text = $"spin_manifest_version = 2\n[application]\nname = {TomlString(name.Length == 0 ? "wasm-file" : name)}\n" +
            $"[[trigger.http]]\nroute = \"/...\"\ncomponent = {{ source = {TomlString(file)} }}\n";
        var manifest = ManifestParser.Parse(TomlReader.Parse(text), file);
        return Load(manifest, options ?? new AppLoadOptions(), Directory.GetCurrentDirectory());
    }

    /// <summary>
    /// Finds <c>spin.toml</c> in <paramref name="startDirectory"/> or its ancestors, as <c>spin up</c> does
    /// without <c>-f</c>; null when there is none.
    /// </summary>
    public static string? FindManifest(string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(startDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ManifestFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string TomlString(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static LoadedApp Load(AppManifest manifest, AppLoadOptions options, string appDir)
    {
        var toml = new TomlAccess(manifest.File);
        var warnings = new List<string>();

        var variables = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
        foreach (var v in manifest.Variables)
        {
            variables[v.Name] = new VariableDefinition(v.Default, v.Required, v.Secret) { Description = v.Description };
        }

        var variableNames = new HashSet<string>(variables.Keys, StringComparer.Ordinal);
        var resolver = new VariableResolver(variables, options.VariableProviders ?? []);
        if (options.CheckRequiredVariables)
        {
            try
            {
                resolver.ValidateRequired();
            }
            catch (VariableException ex)
            {
                throw new ManifestException(manifest.File, "variables", ex.Message, inner: ex);
            }
        }

        var httpBase = CheckHttpBase(toml, manifest, warnings);
        var componentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in manifest.Components)
        {
            if (!componentIds.Add(component.Id))
            {
                throw toml.Error(component.Path, $"duplicate component id \"{component.Id}\"", component.At);
            }
        }

        var httpTriggers = new List<HttpTriggerConfig>();
        var redisTriggers = new List<RedisTriggerConfig>();
        var triggered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trigger in manifest.Triggers)
        {
            if (trigger.ComponentRef is { } reference)
            {
                if (!componentIds.Contains(reference))
                {
                    throw toml.Error(TomlAccess.Join(trigger.Path, "component"), $"trigger \"{trigger.Id}\" references unknown component \"{reference}\"", trigger.ComponentAt ?? trigger.At);
                }

                triggered.Add(reference);
            }

            switch (trigger.Type)
            {
                case "http":
                    httpTriggers.Add(TriggerConfigReader.ReadHttp(toml, trigger, warnings));
                    break;
                case "redis":
                    redisTriggers.Add(TriggerConfigReader.ReadRedis(toml, trigger, variableNames, RedisDefaultAddress(toml, manifest, variableNames)));
                    break;
                default:
                    throw toml.Error(trigger.Path, $"trigger type \"{trigger.Type}\" is not supported (supported: http, redis)", trigger.At);
            }
        }

        var files = new FileMountResolver(appDir, toml, warnings);
        var components = manifest.Components
            .Select(c => LoadComponent(toml, c, appDir, files, resolver, variableNames, triggered.Contains(c.Id), options))
            .ToList();

        return new LoadedApp(
            manifest.Application.Name,
            manifest.Application.Version,
            manifest.Application.Description,
            appDir,
            variables,
            components,
            httpTriggers,
            httpBase)
        {
            ManifestPath = manifest.File,
            Authors = manifest.Application.Authors,
            RedisTriggers = redisTriggers,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// <c>[application.trigger.http] base</c>: only <c>/</c> is accepted since Spin 3 (spec §1.3, §2.4).
    /// </summary>
    /// <summary><c>[application.trigger.redis] address</c>, the default server of redis triggers (spec §1.3), validated as a template.</summary>
    private static string? RedisDefaultAddress(TomlAccess toml, AppManifest manifest, IReadOnlySet<string> variableNames)
    {
        if (!manifest.Application.TriggerGlobalConfigs.TryGetValue("redis", out var redis))
        {
            return null;
        }

        var path = TomlAccess.Join(manifest.Application.TriggerGlobalConfigsPath, "redis");
        var address = toml.OptionalString(redis, "address", path);
        if (address is not null)
        {
            _ = TriggerConfigReader.CheckTemplate(toml, address, TomlAccess.Join(path, "address"), redis["address"], variableNames);
        }

        return address;
    }

    private static string CheckHttpBase(TomlAccess toml, AppManifest manifest, List<string> warnings)
    {
        if (!manifest.Application.TriggerGlobalConfigs.TryGetValue("http", out var http))
        {
            return "/";
        }

        var path = TomlAccess.Join(manifest.Application.TriggerGlobalConfigsPath, "http");
        var @base = toml.OptionalString(http, "base", path);
        if (@base is not null && @base != "/")
        {
            throw toml.Error(TomlAccess.Join(path, "base"), $"base path \"{@base}\" is not supported: Spin 3 removed `base`, only \"/\" is accepted; put the prefix in each route instead", http["base"]);
        }

        if (@base is not null)
        {
            warnings.Add("`base` in the HTTP trigger settings is deprecated and has no effect (only \"/\" is accepted); remove it.");
        }

        return "/";
    }

    private static LoadedComponent LoadComponent(
        TomlAccess toml,
        ManifestComponent component,
        string appDir,
        FileMountResolver files,
        VariableResolver resolver,
        IReadOnlySet<string> variableNames,
        bool triggered,
        AppLoadOptions options)
    {
        var source = ResolveSource(toml, component, appDir, triggered, options);

        var componentVariables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template, at) in component.Variables)
        {
            var variablesKey = component.Path.StartsWith("component[", StringComparison.Ordinal) ? "config" : "variables";
            _ = TriggerConfigReader.CheckTemplate(toml, template, TomlAccess.Join(TomlAccess.Join(component.Path, variablesKey), name), at, variableNames);
            componentVariables[name] = template;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value, _) in component.Environment)
        {
            environment[name] = value;
        }

        var hosts = ResolveAllowedHosts(toml, component, resolver, variableNames);
        return new LoadedComponent(
            component.Id,
            source,
            files.Resolve(component),
            environment,
            hosts,
            component.KeyValueStores,
            componentVariables)
        {
            Description = component.Description,
            SqliteDatabases = component.SqliteDatabases,
            AiModels = component.AiModels,
            AllowedOutboundHostEntries = [.. component.AllowedOutboundHosts.Select(h => h.Entry)],
        };
    }

    private static string ResolveSource(TomlAccess toml, ManifestComponent component, string appDir, bool triggered, AppLoadOptions options)
    {
        var path = TomlAccess.Join(component.Path, "source");
        switch (component.Source)
        {
            case ComponentSource.Local local:
                {
                    if (local.Path.Contains('\0', StringComparison.Ordinal))
                    {
                        throw toml.Error(path, $"component \"{component.Id}\": the source path contains a NUL character", local.At);
                    }

                    var full = Path.GetFullPath(Path.Combine(appDir, local.Path));
                    if (triggered && !File.Exists(full))
                    {
                        throw toml.Error(path, $"component \"{component.Id}\": the Wasm file \"{local.Path}\" does not exist (looked for {full}); build the app first", local.At);
                    }

                    return full;
                }

            case ComponentSource.Remote remote:
                if (options.ResolveRemoteSource is null)
                {
                    throw toml.Error(path, $"component \"{component.Id}\": remote sources ({remote.Url}) are not supported here; download the file and use a local `source` path", remote.At);
                }

                try
                {
                    return options.ResolveRemoteSource(remote.Url, remote.Digest);
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or HttpRequestException)
                {
                    throw new ManifestException(toml.File, path, $"component \"{component.Id}\": error fetching source URL \"{remote.Url}\": {ex.Message}", remote.At.Line, remote.At.Column, ex);
                }

            case ComponentSource.Registry registry:
                throw toml.Error(path, $"component \"{component.Id}\": registry sources (\"{registry.Package}@{registry.Version}\") are not supported; use a local `source` path", registry.At);
            default:
                throw new InvalidOperationException("unknown component source kind");
        }
    }

    /// <summary>
    /// Resolves templates in <c>allowed_outbound_hosts</c> and parses every entry (spec §4.3). Template
    /// results that are empty, <c>http://</c> or <c>https://</c> are dropped.
    /// </summary>
    private static AllowedOutboundHosts ResolveAllowedHosts(TomlAccess toml, ManifestComponent component, VariableResolver resolver, IReadOnlySet<string> variableNames)
    {
        var resolved = new List<(string Entry, string Path, TomlValue At)>();
        for (var i = 0; i < component.AllowedOutboundHosts.Count; i++)
        {
            var (entry, at) = component.AllowedOutboundHosts[i];
            var path = $"{TomlAccess.Join(component.Path, "allowed_outbound_hosts")}[{i}]";
            var template = TriggerConfigReader.CheckTemplate(toml, entry, path, at, variableNames);
            if (template.IsLiteral)
            {
                resolved.Add((entry, path, at));
                continue;
            }

            string value;
            try
            {
                value = resolver.ResolveTemplate(template);
            }
            catch (VariableException ex)
            {
                throw toml.Error(path, $"cannot resolve \"{entry}\": {ex.Message}", at);
            }

            if (value.Trim() is "" or "http://" or "https://")
            {
                continue;
            }

            resolved.Add((value, path, at));
        }

        if (resolved.Count == 1 && resolved[0].Entry == "insecure:allow-all")
        {
            throw toml.Error(resolved[0].Path, "'insecure:allow-all' is not allowed - use '*://*:*' instead if you really want to allow all outbound traffic", resolved[0].At);
        }

        foreach (var (entry, path, at) in resolved)
        {
            try
            {
                _ = AllowedHostEntry.Parse(entry);
            }
            catch (FormatException ex)
            {
                throw toml.Error(path, ex.Message, at);
            }
        }

        return AllowedOutboundHosts.Parse(resolved.Select(r => r.Entry));
    }
}
