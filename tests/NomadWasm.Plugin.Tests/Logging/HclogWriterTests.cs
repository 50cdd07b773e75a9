using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NomadWasm.Plugin.Logging;

namespace NomadWasm.Plugin.Tests.Logging;

public sealed class HclogWriterTests
{
    [Theory]
    [InlineData(LogLevel.Trace, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")] // "warning" is not recognised by go-plugin
    [InlineData(LogLevel.Error, "error")]
    [InlineData(LogLevel.Critical, "error")]
    public void LevelName_EachLevel_GoHclogName(LogLevel level, string name) => Assert.Equal(name, HclogWriter.LevelName(level));

    [Theory]
    [InlineData(0, "2026-11-22T12:34:56.789012Z")]
    [InlineData(90, "2026-11-22T12:34:56.789012+01:30")]
    [InlineData(-300, "2026-11-22T12:34:56.789012-05:00")]
    public void Format_Offset_GoLayoutWithSixDigits(int offsetMinutes, string expected)
    {
        var time = new DateTimeOffset(2026, 11, 22, 12, 34, 56, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(7_890_120);
        Assert.Equal(expected, HclogTimestamp.Format(time));
    }

    [Fact]
    public void Log_StructuredMessage_OneJsonObjectLineWithFields()
    {
        using var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, LogLevel.Trace);
        var logger = provider.CreateLogger("nomad-wasm.driver");

        logger.LogWarning(new InvalidOperationException("bad"), "task {TaskId} exited with {Code} ({Ok})", "a/b/c", 3, false);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("warn", root.GetProperty("@level").GetString());
        Assert.Equal("task a/b/c exited with 3 (False)", root.GetProperty("@message").GetString());
        Assert.Equal("nomad-wasm.driver", root.GetProperty("@module").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("@timestamp").ValueKind);
        Assert.Equal("a/b/c", root.GetProperty("TaskId").GetString());
        Assert.Equal(3, root.GetProperty("Code").GetInt32());
        Assert.False(root.GetProperty("Ok").GetBoolean());
        Assert.Contains("bad", root.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_FieldNamedLikeReservedKey_NeverShadowsIt()
    {
        using var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, LogLevel.Trace);

        provider.CreateLogger("m").LogInformation("x {@level}", 42);

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("info", json.RootElement.GetProperty("@level").GetString());
    }

    [Fact]
    public void Log_HugeMessage_LineStaysUnderGoPluginBuffer()
    {
        using var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, LogLevel.Trace);
        var big = new string('x', 200_000);

        provider.CreateLogger("m").LogInformation("{A} {B} {C} {D} {E} {F} {G} {H} {I} {J}", big, big, big, big, big, big, big, big, big, big);

        Assert.InRange(output.Length, 100, HclogWriter.MaxLineBytes);
        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("info", json.RootElement.GetProperty("@level").GetString());
    }

    [Fact]
    public void Log_BelowMinimumLevel_NothingWritten()
    {
        using var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, LogLevel.Information);

        provider.CreateLogger("m").LogDebug("hidden");
        provider.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogInformation("kestrel chatter");

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public void Log_ClosedStderr_SwallowedAndLaterLinesDropped()
    {
        var output = new MemoryStream();
        using var provider = new HclogLoggerProvider(output, LogLevel.Trace);
        var logger = provider.CreateLogger("m");
        output.Dispose();

        logger.LogError("first");
        logger.LogError("second");

        Assert.False(output.CanWrite);
    }

    [Fact]
    public void Log_Timestamp_FromTimeProvider()
    {
        using var output = new MemoryStream();
        var time = new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var provider = new HclogLoggerProvider(output, LogLevel.Trace, time);

        provider.CreateLogger("m").LogInformation("tick");

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("2026-01-02T03:04:05.000000Z", json.RootElement.GetProperty("@timestamp").GetString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
