using System.Text.Json;
using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Variables;

/// <summary>
/// Parses <c>--variable</c> arguments (spec §5.2): <c>name=value</c>, <c>name=@file</c> (the file's
/// content), <c>@file.json</c> (a JSON object of strings) or <c>@file.toml</c> (a TOML table of strings).
/// Later values override earlier ones.
/// </summary>
public static class VariableArguments
{
    /// <summary>Parses the arguments; relative file names are resolved against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="FormatException">A malformed argument or file; the message names it.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> arguments, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (argument.StartsWith('@'))
            {
                foreach (var (k, v) in ReadFile(Path.Combine(baseDirectory, argument[1..]), argument))
                {
                    result[k] = v;
                }

                continue;
            }

            var eq = argument.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"--variable \"{argument}\": expected NAME=VALUE, NAME=@FILE, @FILE.json or @FILE.toml");
            }

            var name = argument[..eq];
            var value = argument[(eq + 1)..];
            if (value.StartsWith('@'))
            {
                var file = Path.Combine(baseDirectory, value[1..]);
                value = File.Exists(file) ? File.ReadAllText(file) : throw new FormatException($"--variable \"{argument}\": file \"{value[1..]}\" does not exist");
            }

            result[name] = value;
        }

        return result;
    }

    private static Dictionary<string, string> ReadFile(string file, string argument)
    {
        if (!File.Exists(file))
        {
            throw new FormatException($"--variable \"{argument}\": file does not exist");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"--variable \"{argument}\": expected a JSON object");
                }

                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    result[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : throw new FormatException($"--variable \"{argument}\": value of \"{property.Name}\" must be a string");
                }
            }
            catch (JsonException ex)
            {
                throw new FormatException($"--variable \"{argument}\": invalid JSON: {ex.Message}", ex);
            }

            return result;
        }

        if (file.EndsWith(".toml", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                foreach (var (key, value) in TomlReader.Parse(File.ReadAllBytes(file)))
                {
                    result[key] = value is TomlString s ? s.Value : throw new FormatException($"--variable \"{argument}\": value of \"{key}\" must be a string (line {value.Line})");
                }
            }
            catch (TomlException ex)
            {
                throw new FormatException($"--variable \"{argument}\": invalid TOML: {ex.Message}", ex);
            }

            return result;
        }

        throw new FormatException($"--variable \"{argument}\": a variables file must end in .json or .toml");
    }
}
