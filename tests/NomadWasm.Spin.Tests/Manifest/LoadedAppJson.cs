using System.Text;
using System.Text.Json;
using NomadWasm.Spin.Loading;

namespace NomadWasm.Spin.Tests.Manifest;

/// <summary>A stable JSON rendering of <see cref="LoadedApp"/> for golden files; host paths are relative to the app directory.</summary>
internal static class LoadedAppJson
{
    public static string Encode(LoadedApp app)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            string Rel(string path) => Path.GetRelativePath(app.AppDirectory, path).Replace('\\', '/');

            w.WriteStartObject();
            w.WriteString("name", app.Name);
            WriteOptional(w, "version", app.Version);
            WriteOptional(w, "description", app.Description);
            WriteStrings(w, "authors", app.Authors);
            w.WriteString("httpBase", app.HttpBase);
            w.WriteStartObject("variables");
            foreach (var (name, v) in app.Variables)
            {
                w.WriteStartObject(name);
                WriteOptional(w, "default", v.Default);
                w.WriteBoolean("required", v.Required);
                w.WriteBoolean("secret", v.Secret);
                WriteOptional(w, "description", v.Description);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("components");
            foreach (var c in app.Components)
            {
                w.WriteStartObject();
                w.WriteString("id", c.Id);
                w.WriteString("source", Rel(c.SourcePath));
                WriteOptional(w, "description", c.Description);
                w.WriteStartArray("files");
                foreach (var f in c.Files)
                {
                    w.WriteStringValue($"{Rel(f.SourcePath)} -> {f.GuestPath}");
                }

                w.WriteEndArray();
                WriteMap(w, "environment", c.Environment);
                WriteStrings(w, "allowedOutboundHosts", c.AllowedOutboundHosts.Entries.Select(e => $"{e.Text} => {e.Scheme} {e.Host} {e.Ports}"));
                WriteStrings(w, "keyValueStores", c.KeyValueStores);
                WriteStrings(w, "sqliteDatabases", c.SqliteDatabases);
                WriteStrings(w, "aiModels", c.AiModels);
                WriteMap(w, "variables", c.Variables);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("httpTriggers");
            foreach (var t in app.HttpTriggers)
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                if (t.Route is null)
                {
                    w.WriteBoolean("private", true);
                }
                else
                {
                    w.WriteString("route", t.Route);
                }

                WriteOptional(w, "component", t.ComponentId);
                w.WriteString("executor", t.Executor.ToString());
                if (t.Wagi is { } wagi)
                {
                    w.WriteString("wagiEntrypoint", wagi.Entrypoint);
                    w.WriteString("wagiArgv", wagi.Argv);
                }

                if (t.StaticResponse is { } s)
                {
                    w.WriteStartObject("staticResponse");
                    w.WriteNumber("status", s.StatusCode);
                    WriteMap(w, "headers", s.Headers);
                    WriteOptional(w, "body", s.Body);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (app.RedisTriggers.Count > 0)
            {
                w.WriteStartArray("redisTriggers");
                foreach (var r in app.RedisTriggers)
                {
                    w.WriteStringValue($"{r.Id}: component={r.ComponentId} channel={r.Channel} address={r.Address}");
                }

                w.WriteEndArray();
            }

            if (app.Warnings.Count > 0)
            {
                WriteStrings(w, "warnings", app.Warnings);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> values)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in values)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
    }
}
