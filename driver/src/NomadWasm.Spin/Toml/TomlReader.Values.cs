namespace NomadWasm.Spin.Toml;

/// <summary>Values: dispatch, arrays, inline tables, booleans.</summary>
internal sealed partial class TomlReader
{
    /// <summary>Deepest nesting of arrays and inline tables accepted; deeper input is an error, not a stack overflow.</summary>
    internal const int MaxNesting = 256;

    private int _depth;

    private TomlValue ParseValue()
    {
        var start = _pos;
        var (line, column) = PositionOf(start);
        if (AtEnd)
        {
            throw Error("expected a value, found the end of the document");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '"':
                {
                    var s = Peek(1) == '"' && Peek(2) == '"' ? ParseMultiLineBasicString() : ParseBasicString();
                    return new TomlString(s) { Line = line, Column = column };
                }

            case '\'':
                {
                    var s = Peek(1) == '\'' && Peek(2) == '\'' ? ParseMultiLineLiteralString() : ParseLiteralString();
                    return new TomlString(s) { Line = line, Column = column };
                }

            case '[':
                EnterNested();
                var array = ParseArray(line, column);
                _depth--;
                return array;
            case '{':
                EnterNested();
                var table = ParseInlineTable(line, column);
                _depth--;
                return table;
            case 't' when Matches("true"):
                _pos += 4;
                return new TomlBoolean(true) { Line = line, Column = column };
            case 'f' when Matches("false"):
                _pos += 5;
                return new TomlBoolean(false) { Line = line, Column = column };
            default:
                if (c is '+' or '-' or 'i' or 'n' or (>= '0' and <= '9'))
                {
                    return ParseNumberOrDateTime(line, column);
                }

                if (char.IsAsciiLetter(c))
                {
                    var end = _pos;
                    while (end < _text.Length && (IsBareKeyChar(_text[end]) || _text[end] == '.'))
                    {
                        end++;
                    }

                    throw Error($"invalid value `{_text[_pos..end]}` (strings must be quoted; booleans are `true`/`false`)");
                }

                throw Error(c is '\n' or '\r' ? "expected a value, found the end of the line" : $"expected a value, found {Describe(c)}");
        }
    }

    private void EnterNested()
    {
        if (++_depth > MaxNesting)
        {
            throw Error($"arrays and inline tables are nested more than {MaxNesting} levels deep");
        }
    }

    /// <summary>True when the text at the cursor is <paramref name="word"/> not followed by a key/number character.</summary>
    private bool Matches(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            return false;
        }

        var next = Peek(word.Length);
        return !(IsBareKeyChar(next) || next is '.' or ':' or '+');
    }

    private TomlArray ParseArray(int line, int column)
    {
        _pos++; // '['
        var array = new TomlArray(isArrayOfTables: false) { Line = line, Column = column };
        while (true)
        {
            SkipWhitespaceNewlinesAndComments();
            if (AtEnd)
            {
                throw Error("unterminated array: expected `]`, found the end of the document");
            }

            if (_text[_pos] == ']')
            {
                _pos++;
                return array;
            }

            array.Add(ParseValue());
            SkipWhitespaceNewlinesAndComments();
            if (AtEnd)
            {
                throw Error("unterminated array: expected `,` or `]`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == ',')
            {
                _pos++;
            }
            else if (c == ']')
            {
                _pos++;
                return array;
            }
            else
            {
                throw Error($"expected `,` or `]` in array, found {Describe(c)}");
            }
        }
    }

    private TomlTable ParseInlineTable(int line, int column)
    {
        _pos++; // '{'
        var table = new TomlTable(TomlTableOrigin.Inline) { Line = line, Column = column };
        SkipInlineWhitespace();
        if (Peek(0) == '}')
        {
            _pos++;
            table.IsClosed = true;
            return table;
        }

        while (true)
        {
            SkipInlineWhitespace();
            ParseKeyValue(table, "", inline: true);
            SkipInlineWhitespace();
            if (AtEnd)
            {
                throw Error("unterminated inline table: expected `}`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                table.IsClosed = true;
                return table;
            }

            if (c != ',')
            {
                throw Error($"expected `,` or `}}` in inline table, found {Describe(c)}");
            }

            _pos++;
            SkipInlineWhitespace();
            if (Peek(0) == '}')
            {
                throw Error("a trailing comma is not allowed in an inline table");
            }
        }
    }

    private void SkipInlineWhitespace()
    {
        SkipWhitespace();
        if (!AtEnd && (_text[_pos] == '\n' || _text[_pos] == '\r'))
        {
            throw Error("newlines are not allowed in an inline table");
        }

        if (!AtEnd && _text[_pos] == '#')
        {
            throw Error("comments are not allowed in an inline table");
        }
    }
}
