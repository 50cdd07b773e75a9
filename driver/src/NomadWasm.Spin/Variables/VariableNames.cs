namespace NomadWasm.Spin.Variables;

/// <summary>
/// The name rules applied to <c>variables.get(name)</c> at run time (crates/expressions/src/lib.rs;
/// spec §1.8): non-empty, only <c>a-z 0-9 _</c>, starts with a lowercase letter, ends with a letter or
/// digit, no <c>__</c>.
/// </summary>
public static class VariableNames
{
    /// <summary>Returns null when <paramref name="name"/> is valid, else the reason.</summary>
    public static string? Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return $"invalid character '{c}': only lowercase letters, digits and '_' are allowed";
            }
        }

        if (!char.IsAsciiLetterLower(name[0]))
        {
            return "must start with a lowercase letter";
        }

        if (name[^1] == '_')
        {
            return "must end with a letter or digit";
        }

        return name.Contains("__", StringComparison.Ordinal) ? "must not contain consecutive underscores" : null;
    }
}
