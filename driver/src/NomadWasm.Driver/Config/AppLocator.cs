namespace NomadWasm.Driver.Config;

/// <summary>
/// Turns the task config's <c>app</c> into the spin.toml to serve and checks it before any process
/// starts, so a missing or mistyped app fails StartTask with a message naming the path.
/// </summary>
internal static class AppLocator
{
    public const string ManifestName = "spin.toml";

    public static string Resolve(string taskDir, string app)
    {
        if (string.IsNullOrWhiteSpace(app))
        {
            throw new ConfigException("config.app is empty: set it to spin.toml or the directory holding it (relative to the task directory)");
        }

        var path = Path.GetFullPath(Path.IsPathRooted(app) ? app : Path.Combine(taskDir, app));
        if (Directory.Exists(path))
        {
            var manifest = Path.Combine(path, ManifestName);
            if (!File.Exists(manifest))
            {
                throw new ConfigException($"config.app \"{app}\": directory {path} has no {ManifestName}");
            }

            path = manifest;
        }
        else if (!File.Exists(path))
        {
            throw new ConfigException($"config.app \"{app}\": {path} does not exist (did the artifact block download it into the task directory?)");
        }

        CheckManifest(app, path);
        return path;
    }

    // A cheap sanity check: the manifest must be readable TOML-ish text that names a manifest
    // version and at least one component source; the host reports the precise parse error.
    private static void CheckManifest(string app, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ConfigException($"config.app \"{app}\": cannot read {path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ConfigException($"config.app \"{app}\": cannot read {path}: {e.Message}", e);
        }

        if (!text.Contains("spin_manifest_version", StringComparison.Ordinal) && !text.Contains("spin_version", StringComparison.Ordinal))
        {
            throw new ConfigException($"config.app \"{app}\": {path} is not a Spin manifest (no spin_manifest_version)");
        }

        var dir = Path.GetDirectoryName(path)!;
        foreach (var source in LocalSources(text))
        {
            var wasm = Path.GetFullPath(Path.Combine(dir, source));
            if (!File.Exists(wasm))
            {
                throw new ConfigException($"config.app \"{app}\": component source \"{source}\" named in {path} does not exist ({wasm})");
            }
        }
    }

    // source = "path/to.wasm" lines (string form only; tables such as { url = ... } are the host's business).
    private static IEnumerable<string> LocalSources(string manifest)
    {
        foreach (var raw in manifest.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("source", StringComparison.Ordinal))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || line[6..eq].Trim().Length != 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value.IndexOf('"', 1) is var end and > 0)
            {
                yield return value[1..end];
            }
        }
    }
}
