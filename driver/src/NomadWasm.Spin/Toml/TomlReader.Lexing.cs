namespace NomadWasm.Spin.Toml;

/// <summary>Cursor helpers, keys and error construction.</summary>
internal sealed partial class TomlReader
{
    private bool AtEnd => _pos >= _text.Length;

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void SkipWhitespace()
    {
        while (!AtEnd && (_text[_pos] == ' ' || _text[_pos] == '\t'))
        {
            _pos++;
        }
    }

    /// <summary>Skips whitespace, newlines and comments (inside arrays).</summary>
    private void SkipWhitespaceNewlinesAndComments()
    {
        while (!AtEnd)
        {
            var c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\n')
            {
                _pos++;
            }
            else if (c == '\r')
            {
                if (Peek(1) != '\n')
                {
                    throw Error("a carriage return must be followed by a newline");
                }

                _pos += 2;
            }
            else if (c == '#')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    private void Expect(char c, string message)
    {
        if (AtEnd || _text[_pos] != c)
        {
            throw Error(AtEnd ? message + ", found the end of the document" : $"{message}, found {Describe(_text[_pos])}");
        }

        _pos++;
    }

    private static bool IsBareKeyChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    /// <summary>Control characters other than tab (and, when allowed, LF) are forbidden in strings and comments.</summary>
    private static bool IsForbiddenControl(char c, bool allowNewline) =>
        (c < 0x20 && c != '\t' && !(allowNewline && c == '\n')) || c == '\u007F';

    /// <summary>Parses a key: simple keys separated by dots (whitespace allowed around dots).</summary>
    private List<KeyPart> ParseKey()
    {
        var parts = new List<KeyPart> { ParseSimpleKey() };
        while (true)
        {
            var save = _pos;
            SkipWhitespace();
            if (Peek(0) != '.')
            {
                _pos = save;
                return parts;
            }

            _pos++;
            SkipWhitespace();
            parts.Add(ParseSimpleKey());
        }
    }

    private KeyPart ParseSimpleKey()
    {
        var (line, column) = PositionOf(_pos);
        if (AtEnd)
        {
            throw Error("expected a key, found the end of the document");
        }

        var c = _text[_pos];
        if (c == '"' || c == '\'')
        {
            if (Peek(1) == c && Peek(2) == c)
            {
                throw Error("a multi-line string cannot be used as a key");
            }

            var name = c == '"' ? ParseBasicString() : ParseLiteralString();
            return new KeyPart(name, line, column);
        }

        var start = _pos;
        while (!AtEnd && IsBareKeyChar(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error(c is '\n' or '\r' ? "expected a key, found the end of the line" : $"expected a key, found {Describe(c)}");
        }

        return new KeyPart(_text[start.._pos], line, column);
    }

    private (int Line, int Column) PositionOf(int index)
    {
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - _lineStarts[line] + 1);
    }

    private TomlException Error(string reason) => ErrorAt(_pos, reason);

    private TomlException ErrorAt(int index, string reason)
    {
        var (line, column) = PositionOf(Math.Min(index, _text.Length));
        return new TomlException(reason, line, column);
    }

    private static TomlException Error(string reason, KeyPart at) => new(reason, at.Line, at.Column);

    private static string Describe(char c) => c switch
    {
        '\n' => "a newline",
        '\r' => "a carriage return",
        '\t' => "a tab",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => $"`{c}`",
    };

    internal static string WithArticle(string typeName) =>
        (typeName[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + typeName;

    private readonly record struct KeyPart(string Name, int Line, int Column);
}
