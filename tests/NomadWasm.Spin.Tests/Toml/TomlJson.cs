using System.Globalization;
using System.Text;
using System.Text.Json;
using NomadWasm.Spin.Toml;

namespace NomadWasm.Spin.Tests.Toml;

/// <summary>
/// The toml-test JSON encoding: tables → objects (document order), arrays → arrays, scalars →
/// <c>{"type": ..., "value": ...}</c> with the value as a string.
/// </summary>
internal static class TomlJson
{
    public static string Encode(TomlValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, TomlValue value)
    {
        switch (value)
        {
            case TomlTable table:
                w.WriteStartObject();
                foreach (var (key, item) in table)
                {
                    w.WritePropertyName(key);
                    Write(w, item);
                }

                w.WriteEndObject();
                break;
            case TomlArray array:
                w.WriteStartArray();
                foreach (var item in array)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                var (type, text) = Scalar(value);
                w.WriteStartObject();
                w.WriteString("type", type);
                w.WriteString("value", text);
                w.WriteEndObject();
                break;
        }
    }

    private static (string Type, string Text) Scalar(TomlValue value) => value switch
    {
        TomlString s => ("string", s.Value),
        TomlInteger i => ("integer", i.Value.ToString(CultureInfo.InvariantCulture)),
        TomlFloat f => ("float", FormatFloat(f.Value)),
        TomlBoolean b => ("bool", b.Value ? "true" : "false"),
        TomlDateTime d => (d.Kind switch
        {
            TomlDateTimeKind.OffsetDateTime => "datetime",
            TomlDateTimeKind.LocalDateTime => "datetime-local",
            TomlDateTimeKind.LocalDate => "date-local",
            _ => "time-local",
        }, d.ToString()),
        _ => throw new ArgumentException($"unexpected value {value.GetType().Name}", nameof(value)),
    };

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? "nan" :
        double.IsPositiveInfinity(d) ? "inf" :
        double.IsNegativeInfinity(d) ? "-inf" :
        d.ToString("R", CultureInfo.InvariantCulture);
}
