namespace NomadWasm.Plugin.HclSpec;

/// <summary>
/// Checks the HCL type expressions Nomad accepts in <c>Attr.type</c> and <c>BlockAttrs.type</c>
/// (spec §7.2, N: helper/pluginutils/hclspecutils/type_expr.go): <c>string</c>, <c>number</c>, <c>bool</c>, <c>any</c>,
/// <c>list(T)</c>, <c>set(T)</c>, <c>map(T)</c>, <c>tuple([T, …])</c>, <c>object({name = T, …})</c>.
/// </summary>
internal static class HclTypeExpression
{
    /// <summary>Returns null when valid, else what is wrong.</summary>
    internal static string? Validate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "type must not be empty";
        }

        var parser = new Parser(expression);
        try
        {
            parser.ParseType();
            parser.SkipSpace();
            return parser.AtEnd ? null : $"unexpected '{expression[parser.Position..]}' after the type";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private ref struct Parser(string text)
    {
        private readonly string _text = text;

        internal int Position { get; private set; }

        internal readonly bool AtEnd => Position >= _text.Length;

        internal void ParseType()
        {
            SkipSpace();
            var name = ReadIdentifier();
            switch (name)
            {
                case "string" or "number" or "bool" or "any":
                    return;
                case "list" or "set" or "map":
                    Expect('(');
                    ParseType();
                    Expect(')');
                    return;
                case "tuple":
                    Expect('(');
                    Expect('[');
                    if (!TryConsume(']'))
                    {
                        do
                        {
                            ParseType();
                        }
                        while (TryConsume(','));
                        Expect(']');
                    }

                    Expect(')');
                    return;
                case "object":
                    Expect('(');
                    Expect('{');
                    if (!TryConsume('}'))
                    {
                        do
                        {
                            SkipSpace();
                            if (ReadIdentifier().Length == 0)
                            {
                                throw new FormatException($"expected an attribute name at offset {Position}");
                            }

                            Expect('=');
                            ParseType();
                        }
                        while (TryConsume(','));
                        Expect('}');
                    }

                    Expect(')');
                    return;
                default:
                    throw new FormatException(name.Length == 0
                        ? $"expected a type at offset {Position}"
                        : $"unknown type '{name}' (string, number, bool, any, list, set, map, tuple, object)");
            }
        }

        internal void SkipSpace()
        {
            while (Position < _text.Length && char.IsWhiteSpace(_text[Position]))
            {
                Position++;
            }
        }

        private string ReadIdentifier()
        {
            var start = Position;
            while (Position < _text.Length && (char.IsAsciiLetterOrDigit(_text[Position]) || _text[Position] is '_' or '-'))
            {
                Position++;
            }

            return _text[start..Position];
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw new FormatException($"expected '{c}' at offset {Position}");
            }
        }

        private bool TryConsume(char c)
        {
            SkipSpace();
            if (Position < _text.Length && _text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }
    }
}
