namespace NomadWasm.Spin.Manifest;

/// <summary>
/// Manifest identifier rules (crates/serde/src/id.rs, spec §1.8): one or more words joined by a
/// delimiter; the first word starts with an ASCII letter (later words may start with a digit); words are
/// ASCII alphanumeric and all-lowercase or all-UPPERCASE. Kebab ids (components) use <c>-</c>; lower
/// snake ids (variables) use <c>_</c> and must be lowercase.
/// </summary>
internal static class Identifiers
{
    /// <summary>Returns null when <paramref name="id"/> is a valid kebab id, else the reason.</summary>
    public static string? KebabIdError(string id) => IdError(id, '-', lowerOnly: false);

    /// <summary>Returns null when <paramref name="id"/> is a valid lower-snake id, else the reason.</summary>
    public static string? LowerSnakeIdError(string id) => IdError(id, '_', lowerOnly: true);

    /// <summary>Returns null when <paramref name="id"/> is a valid kebab or snake id (key-value labels).</summary>
    public static string? KebabOrSnakeIdError(string id) =>
        IdError(id, '-', lowerOnly: false) is null || IdError(id, '_', lowerOnly: false) is null
            ? null
            : $"`{id}` must be a kebab-case or snake_case identifier";

    private static string? IdError(string id, char delimiter, bool lowerOnly)
    {
        if (id.Length == 0)
        {
            return "identifiers must not be empty";
        }

        var wrong = delimiter == '-' ? '_' : '-';
        if (id.Contains(wrong, StringComparison.Ordinal))
        {
            return $"words must be separated with '{delimiter}', not '{wrong}'";
        }

        var words = id.Split(delimiter);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length == 0)
            {
                return $"'{delimiter}'-separated words must not be empty";
            }

            var first = word[0];
            if (!(char.IsAsciiLetter(first) || (i > 0 && char.IsAsciiDigit(first))))
            {
                return $"'{delimiter}'-separated words must start with an ASCII letter; got '{first}'";
            }

            var upper = char.IsAsciiLetterUpper(first);
            foreach (var c in word.AsSpan(1))
            {
                if (char.IsAsciiDigit(c))
                {
                    continue;
                }

                if (!char.IsAsciiLetter(c))
                {
                    return $"'{delimiter}'-separated words may only contain alphanumeric ASCII; got '{c}'";
                }

                if (char.IsAsciiLetterUpper(c) != upper)
                {
                    return $"'{delimiter}'-separated words must be all lowercase or all UPPERCASE; got \"{word}\"";
                }
            }

            if (lowerOnly && upper)
            {
                return $"lower-case identifiers must be all lowercase; got \"{id}\"";
            }
        }

        return null;
    }
}
