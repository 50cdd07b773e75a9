namespace NomadWasm.Driver.Config;

/// <summary>Decodes the cty-msgpack configs Nomad sends (§12) into the driver's config records.</summary>
internal static partial class ConfigDecoder
{
    public static DriverConfig DecodePluginConfig(ReadOnlySpan<byte> msgpack)
    {
        if (msgpack.IsEmpty)
        {
            return DriverConfig.Default;
        }

        var root = Object(Read(msgpack), "plugin config");
        var d = DriverConfig.Default;
        return new DriverConfig(
            OptionalBool(root, "enabled") ?? d.Enabled,
            OptionalString(root, "host_path") ?? d.HostPath,
            OptionalDuration(root, "startup_timeout") ?? d.StartupTimeout,
            OptionalDuration(root, "fingerprint_interval") ?? d.FingerprintInterval);
    }

    public static SpinTaskConfig DecodeTaskConfig(ReadOnlySpan<byte> msgpack)
    {
        if (msgpack.IsEmpty)
        {
            throw new ConfigException("msgpack_driver_config is empty: the job's config block is missing (config.app is required)");
        }

        var root = Object(Read(msgpack), "task config");
        var app = OptionalString(root, "app") ?? throw new ConfigException("config.app is required: the path of spin.toml or its directory");
        var port = OptionalString(root, "port");
        var timeout = OptionalString(root, "request_timeout") ?? string.Empty;
        if (timeout.Length > 0 && !GoDuration.TryParse(timeout, out _))
        {
            throw new ConfigException($"config.request_timeout \"{timeout}\" is not a duration such as \"30s\" or \"500ms\"");
        }

        return new SpinTaskConfig(
            app,
            string.IsNullOrEmpty(port) ? SpinTaskConfig.DefaultPort : port,
            StringMap(root, "variables"),
            StringMap(root, "env"),
            timeout);
    }

    private static IReadOnlyDictionary<string, object?> Object(object? value, string what) =>
        value as IReadOnlyDictionary<string, object?>
        ?? throw new ConfigException($"{what} is not an object (got {Describe(value)})");

    private static string? OptionalString(IReadOnlyDictionary<string, object?> root, string name) =>
        root.TryGetValue(name, out var v) ? v switch
        {
            null => null,
            string s => s,
            _ => throw new ConfigException($"config.{name} must be a string (got {Describe(v)})"),
        } : null;

    private static bool? OptionalBool(IReadOnlyDictionary<string, object?> root, string name) =>
        root.TryGetValue(name, out var v) ? v switch
        {
            null => null,
            bool b => b,
            _ => throw new ConfigException($"config.{name} must be a bool (got {Describe(v)})"),
        } : null;

    private static TimeSpan? OptionalDuration(IReadOnlyDictionary<string, object?> root, string name)
    {
        var text = OptionalString(root, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return GoDuration.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ConfigException($"config.{name} \"{text}\" is not a positive duration such as \"30s\"");
    }

    private static Dictionary<string, string> StringMap(IReadOnlyDictionary<string, object?> root, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetValue(name, out var v) || v is null)
        {
            return map;
        }

        if (v is not IReadOnlyDictionary<string, object?> entries)
        {
            throw new ConfigException($"config.{name} must be a map of strings (got {Describe(v)})");
        }

        foreach (var (key, value) in entries)
        {
            map[key] = value switch
            {
                string s => s,
                null => throw new ConfigException($"config.{name}.{key} is null"),
                _ => throw new ConfigException($"config.{name}.{key} must be a string (got {Describe(value)})"),
            };
        }

        return map;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a bool",
        IReadOnlyDictionary<string, object?> => "an object",
        System.Collections.IList => "a list",
        _ => "a number",
    };
}
