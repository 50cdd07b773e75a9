namespace NomadWasm.Spin.Variables;

/// <summary>
/// The environment provider (crates/variables-env/src/lib.rs; spec §4.2): variable <c>name</c> is read
/// from <c>&lt;PREFIX&gt;_&lt;NAME UPPERCASED&gt;</c> (prefix <c>SPIN_VARIABLE</c> by default) in the process
/// environment, falling back to a <c>.env</c> file (by default in the current directory).
/// </summary>
public sealed class EnvVariableProvider : IVariableProvider
{
    /// <summary>The default prefix.</summary>
    public const string DefaultPrefix = "SPIN_VARIABLE";

    private readonly Func<string, string?> _getEnvironment;
    private readonly Lazy<Dictionary<string, string>> _dotenv;

    /// <summary>Creates the provider.</summary>
    /// <param name="prefix">The prefix replacing <c>SPIN_VARIABLE</c>, or null for the default.</param>
    /// <param name="dotenvPath">The <c>.env</c> file, or null for <c>.env</c> in the current directory.</param>
    /// <param name="getEnvironment">Environment lookup (a test seam); null for the process environment.</param>
    public EnvVariableProvider(string? prefix = null, string? dotenvPath = null, Func<string, string?>? getEnvironment = null)
    {
        Prefix = string.IsNullOrEmpty(prefix) ? DefaultPrefix : prefix;
        DotenvPath = dotenvPath ?? Path.Combine(Directory.GetCurrentDirectory(), ".env");
        _getEnvironment = getEnvironment ?? Environment.GetEnvironmentVariable;
        _dotenv = new Lazy<Dictionary<string, string>>(() => ReadDotenv(DotenvPath));
    }

    /// <summary>The environment variable prefix.</summary>
    public string Prefix { get; }

    /// <summary>The <c>.env</c> file consulted when the environment lacks the key.</summary>
    public string DotenvPath { get; }

    /// <summary>The environment variable name for <paramref name="name"/>.</summary>
    public string KeyFor(string name) => $"{Prefix}_{name}".ToUpperInvariant();

    /// <inheritdoc/>
    public bool TryGet(string name, out string value)
    {
        var key = KeyFor(name);
        var found = _getEnvironment(key);
        if (found is not null)
        {
            value = found;
            return true;
        }

        return _dotenv.Value.TryGetValue(key, out value!);
    }

    /// <inheritdoc/>
    public bool MayResolve(string name) => TryGet(name, out _);

    /// <summary>Reads <c>KEY=VALUE</c> lines (optional <c>export</c>, quotes, <c>#</c> comments).</summary>
    internal static Dictionary<string, string> ReadDotenv(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
                if (raw.Contains('"', StringComparison.Ordinal))
                {
                    value = value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
                }
            }
            else
            {
                var hash = value.IndexOf(" #", StringComparison.Ordinal);
                if (hash >= 0)
                {
                    value = value[..hash].TrimEnd();
                }
            }

            result[key] = value;
        }

        return result;
    }
}
