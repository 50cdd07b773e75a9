using System.Text;

namespace NomadWasm.Spin.Toml;

/// <summary>
/// A TOML 1.0 reader (https://toml.io/en/v1.0.0). Produces a <see cref="TomlTable"/> tree with the
/// position of every key and value, and enforces the redefinition rules: a table is defined by at most
/// one header; tables created by dotted keys cannot be reopened by a header or by dotted keys from another
/// section; inline tables and static arrays are immutable. Errors are <see cref="TomlException"/>s.
/// </summary>
internal sealed partial class TomlReader
{
    private readonly string _text;
    private readonly int[] _lineStarts;
    private readonly TomlTable _root;
    private readonly List<TomlTable> _pendingDotted = [];
    private int _pos;

    private TomlReader(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
        _root = new TomlTable(TomlTableOrigin.Root) { Line = 1, Column = 1 };
    }

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="TomlException">The text is not valid TOML 1.0.</exception>
    public static TomlTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var reader = new TomlReader(text);
        reader.ParseDocument();
        return reader._root;
    }

    /// <summary>Parses UTF-8 bytes; invalid UTF-8 is a <see cref="TomlException"/> at the offending line.</summary>
    public static TomlTable Parse(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Clamp(ex.Index, 0, utf8.Length);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            throw new TomlException("the document is not valid UTF-8", line, index - lineStart + 1);
        }

        return Parse(text);
    }

    private void ParseDocument()
    {
        var current = _root;
        var currentPath = "";
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return;
            }

            var c = _text[_pos];
            if (c == '#' || c == '\n' || c == '\r')
            {
                ExpectEndOfLine();
                continue;
            }

            if (c == '[')
            {
                CloseDottedTables();
                if (Peek(1) == '[')
                {
                    (current, currentPath) = ParseArrayTableHeader();
                }
                else
                {
                    (current, currentPath) = ParseTableHeader();
                }
            }
            else
            {
                ParseKeyValue(current, currentPath, inline: false);
            }

            ExpectEndOfLine();
        }
    }

    private void CloseDottedTables()
    {
        foreach (var table in _pendingDotted)
        {
            table.IsClosed = true;
        }

        _pendingDotted.Clear();
    }

    /// <summary>After a value or header: optional whitespace, optional comment, then newline or end.</summary>
    private void ExpectEndOfLine()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            return;
        }

        var c = _text[_pos];
        if (c == '#')
        {
            SkipComment();
            if (AtEnd)
            {
                return;
            }

            c = _text[_pos];
        }

        if (c == '\n')
        {
            _pos++;
            return;
        }

        if (c == '\r' && Peek(1) == '\n')
        {
            _pos += 2;
            return;
        }

        throw Error(c == '\r' ? "a carriage return must be followed by a newline" : $"expected a newline or the end of the document, found {Describe(c)}");
    }

    private void SkipComment()
    {
        _pos++; // '#'
        while (!AtEnd)
        {
            var c = _text[_pos];
            if (c == '\n' || (c == '\r' && Peek(1) == '\n'))
            {
                return;
            }

            if (IsForbiddenControl(c, allowNewline: false))
            {
                throw Error($"control character {Describe(c)} is not allowed in a comment");
            }

            _pos++;
        }
    }

    private (TomlTable Table, string Path) ParseTableHeader()
    {
        var (headerLine, headerColumn) = PositionOf(_pos);
        _pos++; // '['
        SkipWhitespace();
        var key = ParseKey();
        SkipWhitespace();
        Expect(']', "expected `]` to close the table header");
        var path = JoinKey(key, key.Count);

        var table = DescendForHeader(key);
        var last = key[^1];
        if (table.TryGetValue(last.Name, out var existing))
        {
            if (existing is TomlTable sub)
            {
                if (sub.Origin == TomlTableOrigin.Inline)
                {
                    throw Error($"cannot redefine inline table `{path}` as a table", last);
                }

                if (sub.IsClosed)
                {
                    throw Error(sub.Origin == TomlTableOrigin.DottedKey
                        ? $"table `{path}` was already defined with dotted keys"
                        : $"table `{path}` is defined more than once", last);
                }

                sub.IsClosed = true;
                sub.Origin = TomlTableOrigin.Header;
                return (sub, path);
            }

            throw Error($"cannot define table `{path}`: the key is already {WithArticle(existing.TypeName)}", last);
        }

        var created = new TomlTable(TomlTableOrigin.Header) { Line = headerLine, Column = headerColumn, IsClosed = true };
        table.Add(last.Name, created, last.Line, last.Column);
        return (created, path);
    }

    private (TomlTable Table, string Path) ParseArrayTableHeader()
    {
        var (headerLine, headerColumn) = PositionOf(_pos);
        _pos += 2; // "[["
        SkipWhitespace();
        var key = ParseKey();
        SkipWhitespace();
        if (!(Peek(0) == ']' && Peek(1) == ']'))
        {
            throw Error("expected `]]` to close the array-of-tables header");
        }

        _pos += 2;
        var path = JoinKey(key, key.Count);
        var table = DescendForHeader(key);
        var last = key[^1];
        var element = new TomlTable(TomlTableOrigin.Header) { Line = headerLine, Column = headerColumn, IsClosed = true };
        if (table.TryGetValue(last.Name, out var existing))
        {
            if (existing is TomlArray { IsArrayOfTables: true } array)
            {
                array.Add(element);
                return (element, path);
            }

            throw Error(existing is TomlArray
                ? $"cannot append to static array `{path}` with an array-of-tables header"
                : $"cannot define array of tables `{path}`: the key is already {WithArticle(existing.TypeName)}", last);
        }

        var created = new TomlArray(isArrayOfTables: true) { Line = headerLine, Column = headerColumn };
        created.Add(element);
        table.Add(last.Name, created, last.Line, last.Column);
        return (element, path);
    }

    /// <summary>Walks (creating implicit tables) to the parent of a header's last key part.</summary>
    private TomlTable DescendForHeader(List<KeyPart> key)
    {
        var table = _root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (table.TryGetValue(part.Name, out var existing))
            {
                switch (existing)
                {
                    case TomlTable { Origin: TomlTableOrigin.Inline }:
                        throw Error($"cannot add to inline table `{JoinKey(key, i + 1)}`", part);
                    case TomlTable sub:
                        table = sub;
                        break;
                    case TomlArray { IsArrayOfTables: true } array:
                        table = (TomlTable)array[^1];
                        break;
                    case TomlArray:
                        throw Error($"cannot add a table to static array `{JoinKey(key, i + 1)}`", part);
                    default:
                        throw Error($"cannot use `{JoinKey(key, i + 1)}` as a table: it is already {WithArticle(existing.TypeName)}", part);
                }
            }
            else
            {
                var created = new TomlTable(TomlTableOrigin.Implicit) { Line = part.Line, Column = part.Column };
                table.Add(part.Name, created, part.Line, part.Column);
                table = created;
            }
        }

        return table;
    }

    /// <summary>Parses <c>key = value</c> into <paramref name="table"/>, following dotted keys.</summary>
    private void ParseKeyValue(TomlTable table, string tablePath, bool inline)
    {
        var key = ParseKey();
        SkipWhitespace();
        Expect('=', "expected `=` after a key");
        SkipWhitespace();
        if (AtEnd || _text[_pos] == '\n' || _text[_pos] == '\r' || _text[_pos] == '#')
        {
            throw Error("expected a value after `=`");
        }

        var value = ParseValue();
        var prefix = tablePath.Length == 0 ? "" : tablePath + ".";
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (table.TryGetValue(part.Name, out var existing))
            {
                if (existing is not TomlTable sub)
                {
                    throw Error(existing is TomlArray { IsArrayOfTables: true }
                        ? $"cannot extend array of tables `{prefix}{JoinKey(key, i + 1)}` with a dotted key"
                        : $"cannot use `{prefix}{JoinKey(key, i + 1)}` as a table: it is already {WithArticle(existing.TypeName)}", part);
                }

                if (sub.Origin == TomlTableOrigin.Inline && (!inline || sub.IsClosed))
                {
                    throw Error($"cannot add to inline table `{prefix}{JoinKey(key, i + 1)}`", part);
                }

                if (sub.IsClosed)
                {
                    throw Error($"cannot extend table `{prefix}{JoinKey(key, i + 1)}` with a dotted key: it is defined elsewhere", part);
                }

                if (!inline)
                {
                    _pendingDotted.Add(sub);
                }

                table = sub;
            }
            else
            {
                var created = new TomlTable(inline ? TomlTableOrigin.Inline : TomlTableOrigin.DottedKey) { Line = part.Line, Column = part.Column };
                table.Add(part.Name, created, part.Line, part.Column);
                if (!inline)
                {
                    _pendingDotted.Add(created);
                }

                table = created;
            }
        }

        var last = key[^1];
        if (table.ContainsKey(last.Name))
        {
            throw Error($"duplicate key `{prefix}{JoinKey(key, key.Count)}`", last);
        }

        table.Add(last.Name, value, last.Line, last.Column);
    }

    private static string JoinKey(List<KeyPart> key, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            sb.Append(FormatKeyPart(key[i].Name));
        }

        return sb.ToString();
    }

    /// <summary>A key part as it would be written: bare when possible, else quoted.</summary>
    internal static string FormatKeyPart(string name)
    {
        if (name.Length > 0 && name.All(IsBareKeyChar))
        {
            return name;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in name)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
