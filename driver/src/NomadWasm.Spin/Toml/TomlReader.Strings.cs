using System.Globalization;
using System.Text;

namespace NomadWasm.Spin.Toml;

/// <summary>The four string kinds (TOML 1.0 "String").</summary>
internal sealed partial class TomlReader
{
    private string ParseBasicString()
    {
        _pos++; // '"'
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated string: expected `\"`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\n' || c == '\r')
            {
                throw Error("unterminated string: a basic string cannot contain a newline (use \"\"\" for multi-line strings)");
            }

            if (c == '\\')
            {
                ParseEscape(sb);
                continue;
            }

            if (IsForbiddenControl(c, allowNewline: false))
            {
                throw Error($"control character {Describe(c)} must be escaped in a string");
            }

            sb.Append(c);
            _pos++;
        }
    }

    private string ParseMultiLineBasicString()
    {
        _pos += 3;
        SkipOpeningNewline();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated multi-line string: expected `\"\"\"`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                if (TryCloseMultiLine('"', sb))
                {
                    return sb.ToString();
                }

                continue;
            }

            if (c == '\\')
            {
                // A line-ending backslash trims the newline and all whitespace up to the next non-whitespace character.
                var look = _pos + 1;
                while (look < _text.Length && (_text[look] == ' ' || _text[look] == '\t'))
                {
                    look++;
                }

                if (look < _text.Length && (_text[look] == '\n' || (_text[look] == '\r' && look + 1 < _text.Length && _text[look + 1] == '\n')))
                {
                    _pos = look;
                    while (!AtEnd && (_text[_pos] is ' ' or '\t' or '\n' || (_text[_pos] == '\r' && Peek(1) == '\n')))
                    {
                        _pos++;
                    }

                    continue;
                }

                ParseEscape(sb);
                continue;
            }

            AppendMultiLineChar(sb, c);
        }
    }

    private string ParseLiteralString()
    {
        _pos++; // '\''
        var start = _pos;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated literal string: expected `'`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == '\'')
            {
                var s = _text[start.._pos];
                _pos++;
                return s;
            }

            if (c == '\n' || c == '\r')
            {
                throw Error("unterminated literal string: a literal string cannot contain a newline (use ''' for multi-line strings)");
            }

            if (IsForbiddenControl(c, allowNewline: false))
            {
                throw Error($"control character {Describe(c)} is not allowed in a literal string");
            }

            _pos++;
        }
    }

    private string ParseMultiLineLiteralString()
    {
        _pos += 3;
        SkipOpeningNewline();
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated multi-line literal string: expected `'''`, found the end of the document");
            }

            var c = _text[_pos];
            if (c == '\'')
            {
                if (TryCloseMultiLine('\'', sb))
                {
                    return sb.ToString();
                }

                continue;
            }

            AppendMultiLineChar(sb, c);
        }
    }

    /// <summary>A newline immediately after the opening delimiter is trimmed.</summary>
    private void SkipOpeningNewline()
    {
        if (Peek(0) == '\n')
        {
            _pos++;
        }
        else if (Peek(0) == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
        }
    }

    /// <summary>
    /// At a quote inside a multi-line string: a run of 1–2 quotes is content; a run of 3–5 closes the
    /// string, the extra 0–2 quotes being content; 6 or more is an error.
    /// </summary>
    private bool TryCloseMultiLine(char quote, StringBuilder sb)
    {
        var run = 0;
        while (Peek(run) == quote)
        {
            run++;
        }

        if (run < 3)
        {
            sb.Append(quote, run);
            _pos += run;
            return false;
        }

        if (run > 5)
        {
            throw ErrorAt(_pos + 5, $"too many `{quote}` characters: a multi-line string may end with at most two extra quotes");
        }

        sb.Append(quote, run - 3);
        _pos += run;
        return true;
    }

    private void AppendMultiLineChar(StringBuilder sb, char c)
    {
        if (c == '\r')
        {
            if (Peek(1) != '\n')
            {
                throw Error("a carriage return must be followed by a newline");
            }

            sb.Append('\n');
            _pos += 2;
            return;
        }

        if (IsForbiddenControl(c, allowNewline: true))
        {
            throw Error($"control character {Describe(c)} must be escaped in a string");
        }

        sb.Append(c);
        _pos++;
    }

    private void ParseEscape(StringBuilder sb)
    {
        var start = _pos;
        _pos++; // '\\'
        if (AtEnd)
        {
            throw Error("unterminated escape sequence at the end of the document");
        }

        var c = _text[_pos];
        _pos++;
        switch (c)
        {
            case 'b': sb.Append('\b'); return;
            case 't': sb.Append('\t'); return;
            case 'n': sb.Append('\n'); return;
            case 'f': sb.Append('\f'); return;
            case 'r': sb.Append('\r'); return;
            case '"': sb.Append('"'); return;
            case '\\': sb.Append('\\'); return;
            case 'u': AppendUnicodeEscape(sb, start, 4); return;
            case 'U': AppendUnicodeEscape(sb, start, 8); return;
            default:
                throw ErrorAt(start, c is '\n' or '\r' or ' ' or '\t'
                    ? "a backslash followed by whitespace is only allowed at the end of a line in a multi-line basic string"
                    : $"invalid escape sequence `\\{c}`");
        }
    }

    private void AppendUnicodeEscape(StringBuilder sb, int start, int digits)
    {
        if (_pos + digits > _text.Length)
        {
            throw ErrorAt(start, $"incomplete Unicode escape: expected {digits} hex digits");
        }

        var hex = _text.Substring(_pos, digits);
        if (!hex.All(char.IsAsciiHexDigit))
        {
            var shown = new string(hex.TakeWhile(char.IsAsciiHexDigit).ToArray());
            throw ErrorAt(start, $"invalid Unicode escape `\\{(digits == 4 ? 'u' : 'U')}{shown}`: expected {digits} hex digits");
        }

        if (
            !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var scalar))
        {
            throw ErrorAt(start, $"invalid Unicode escape `\\{(digits == 4 ? 'u' : 'U')}{hex}`: expected {digits} hex digits");
        }

        if (scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF))
        {
            throw ErrorAt(start, $"invalid Unicode escape `\\{(digits == 4 ? 'u' : 'U')}{hex}`: not a Unicode scalar value");
        }

        sb.Append(char.ConvertFromUtf32((int)scalar));
        _pos += digits;
    }
}
