using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace NomadWasm.Plugin.Logging;

/// <summary>
/// Writes go-hclog JSON lines (spec §4): one object per line with string <c>@level</c>
/// (trace|debug|info|warn|error), string <c>@message</c>, string <c>@timestamp</c>, string <c>@module</c>,
/// then the key/value pairs. go-plugin reads lines of at most 64 KiB, so long values are cut.
/// A broken stderr (the agent crashed and we were reattached) silences the writer instead of crashing the plugin.
/// </summary>
internal sealed class HclogWriter
{
    /// <summary>go-plugin's line buffer is 64 KiB; stay well below it.</summary>
    internal const int MaxLineBytes = 60 * 1024;

    private const int MaxValueChars = 8 * 1024;

    private readonly Stream _output;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private bool _broken;

    internal HclogWriter(Stream output, TimeProvider time)
    {
        _output = output;
        _time = time;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };

    internal void Write(LogLevel level, string module, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>>? fields)
    {
        lock (_lock)
        {
            if (_broken)
            {
                return;
            }

            var timestamp = HclogTimestamp.Format(_time.GetLocalNow());
            WriteObject(level, module, message, exception, fields, timestamp, MaxValueChars);
            if (_buffer.WrittenCount > MaxLineBytes)
            {
                // Too long even with cut values: keep only the four fixed keys and a short message.
                WriteObject(level, module, Cut(message, 4 * 1024), exception: null, fields: null, timestamp, 4 * 1024);
            }

            try
            {
                _output.Write(_buffer.WrittenSpan);
                _output.Flush();
            }
            catch (IOException)
            {
                // The agent closed our stderr (crash + reattach, spec §14): there is nobody left to log to.
                _broken = true;
            }
            catch (ObjectDisposedException)
            {
                _broken = true;
            }
        }
    }

    private void WriteObject(
        LogLevel level, string module, string message, Exception? exception,
        IReadOnlyList<KeyValuePair<string, object?>>? fields, string timestamp, int maxValueChars)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString("@level", LevelName(level));
        _json.WriteString("@message", Cut(message, maxValueChars));
        _json.WriteString("@module", module);
        _json.WriteString("@timestamp", timestamp);
        if (fields is not null)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                var (key, value) = fields[i];
                if (key == "{OriginalFormat}" || key.Length == 0)
                {
                    continue;
                }

                // A user key must never shadow @level/@message/@timestamp: non-strings there crash the agent (spec §4).
                WriteValue(key[0] == '@' ? key[1..] : key, value, maxValueChars);
            }
        }

        if (exception is not null)
        {
            _json.WriteString("error", Cut(exception.ToString(), maxValueChars));
        }

        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
    }

    private void WriteValue(string key, object? value, int maxValueChars)
    {
        switch (value)
        {
            case null: _json.WriteNull(key); break;
            case bool b: _json.WriteBoolean(key, b); break;
            case int n: _json.WriteNumber(key, n); break;
            case long n: _json.WriteNumber(key, n); break;
            case uint n: _json.WriteNumber(key, n); break;
            case ulong n: _json.WriteNumber(key, n); break;
            case double d when double.IsFinite(d): _json.WriteNumber(key, d); break;
            case TimeSpan t: _json.WriteString(key, t.ToString("c", System.Globalization.CultureInfo.InvariantCulture)); break;
            default: _json.WriteString(key, Cut(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, maxValueChars)); break;
        }
    }

    private static string Cut(string text, int maxChars) => text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), "…");
}
