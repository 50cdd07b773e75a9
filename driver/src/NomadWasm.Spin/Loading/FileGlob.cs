using System.Text;
using System.Text.RegularExpressions;

namespace NomadWasm.Spin.Loading;

/// <summary>
/// Glob patterns with the syntax of Rust's <c>glob</c> crate, which Spin uses for <c>files</c> and
/// <c>exclude_files</c> (crates/loader/src/local.rs): <c>?</c>, <c>*</c>, <c>**</c> (a whole path
/// component: zero or more directories), <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>. Matching is case-sensitive
/// and <c>*</c> matches leading dots. <c>exclude_files</c> patterns are matched against the whole
/// app-relative path with default options, so there <c>*</c> and <c>?</c> also match <c>/</c>.
/// </summary>
internal static class FileGlob
{
    /// <summary>True when <paramref name="pattern"/> contains glob metacharacters.</summary>
    public static bool LooksLikeGlob(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>A regex for one path component of an include pattern (<c>*</c> stays within the component).</summary>
    public static Regex ComponentRegex(string component, string pattern) =>
        new("^" + Translate(component, pattern, crossSeparators: false) + "$", RegexOptions.CultureInvariant);

    /// <summary>A regex for a whole <c>exclude_files</c> pattern.</summary>
    public static Regex ExcludeRegex(string pattern)
    {
        ValidateRecursive(pattern, pattern);
        return new Regex("^" + Translate(pattern, pattern, crossSeparators: true) + "$", RegexOptions.CultureInvariant);
    }

    /// <summary><c>**</c> must be a whole path component, as in the glob crate.</summary>
    public static void ValidateRecursive(string path, string pattern)
    {
        foreach (var component in path.Split('/'))
        {
            if (component.Contains("**", StringComparison.Ordinal) && component != "**")
            {
                throw new FormatException($"invalid glob pattern \"{pattern}\": recursive wildcards must form a single path component");
            }
        }
    }

    private static string Translate(string text, string pattern, bool crossSeparators)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < text.Length && text[i + 1] == '*')
                    {
                        // "**" as a component: "**/" matches zero or more directories, a final "**" matches everything.
                        i++;
                        if (i + 1 < text.Length && text[i + 1] == '/')
                        {
                            i++;
                            sb.Append("(?:.*/)?");
                        }
                        else
                        {
                            sb.Append(".*");
                        }
                    }
                    else
                    {
                        sb.Append(crossSeparators ? ".*" : "[^/]*");
                    }

                    break;
                case '?':
                    sb.Append(crossSeparators ? "." : "[^/]");
                    break;
                case '[':
                    i = TranslateClass(text, i, pattern, sb);
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }

    private static int TranslateClass(string text, int start, string pattern, StringBuilder sb)
    {
        var i = start + 1;
        var negate = i < text.Length && text[i] == '!';
        if (negate)
        {
            i++;
        }

        var body = new StringBuilder();
        var first = true;
        while (i < text.Length && (text[i] != ']' || first))
        {
            var c = text[i];
            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                body.Append(EscapeInClass(c)).Append('-').Append(EscapeInClass(text[i + 2]));
                i += 3;
            }
            else
            {
                body.Append(EscapeInClass(c));
                i++;
            }

            first = false;
        }

        if (i >= text.Length)
        {
            throw new FormatException($"invalid glob pattern \"{pattern}\": unclosed character class '['");
        }

        sb.Append('[').Append(negate ? "^" : "").Append(body).Append(']');
        return i;
    }

    private static string EscapeInClass(char c) => c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString();
}
