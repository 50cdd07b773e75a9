using System.Text;

namespace NomadWasm.Spin.Variables;

/// <summary>
/// A Spin template (crates/expressions/src/template.rs, spec §1.9): literal text interleaved with
/// <c>{{ name }}</c> expressions. Whitespace inside the braces is trimmed; an unmatched <c>{{</c> is an
/// error; there is no escape syntax (a lone <c>}}</c> is literal text).
/// </summary>
public sealed class Template
{
    private readonly TemplatePart[] _parts;

    private Template(string text, TemplatePart[] parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The parts in order.</summary>
    public IReadOnlyList<TemplatePart> Parts => _parts;

    /// <summary>True when the template has no expressions.</summary>
    public bool IsLiteral => _parts.All(p => !p.IsExpression);

    /// <summary>The distinct variable names referenced, in order of first use.</summary>
    public IEnumerable<string> References => _parts.Where(p => p.IsExpression).Select(p => p.Text).Distinct(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> for an unmatched <c>{{</c> or an empty expression.</summary>
    public static Template Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<TemplatePart>();
        var pos = 0;
        while (pos < text.Length)
        {
            var open = text.IndexOf("{{", pos, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new TemplatePart(false, text[pos..]));
                break;
            }

            if (open > pos)
            {
                parts.Add(new TemplatePart(false, text[pos..open]));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"unmatched '{{{{' at offset {open} in template \"{text}\"");
            }

            var expression = text[(open + 2)..close].Trim();
            if (expression.Length == 0)
            {
                throw new FormatException($"empty expression '{{{{}}}}' at offset {open} in template \"{text}\"");
            }

            parts.Add(new TemplatePart(true, expression));
            pos = close + 2;
        }

        return new Template(text, [.. parts]);
    }

    /// <summary>Renders the template, replacing each expression with <paramref name="resolve"/>(name).</summary>
    public string Render(Func<string, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            sb.Append(part.IsExpression ? resolve(part.Text) : part.Text);
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>A literal run or a <c>{{ name }}</c> expression (<see cref="Text"/> is then the trimmed name).</summary>
/// <param name="IsExpression">True for an expression.</param>
/// <param name="Text">The literal text, or the variable name.</param>
public sealed record TemplatePart(bool IsExpression, string Text);
