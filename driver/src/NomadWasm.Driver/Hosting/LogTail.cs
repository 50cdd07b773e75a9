using System.Text;

namespace NomadWasm.Driver.Hosting;

/// <summary>
/// The end of a task's stderr as Nomad's logmon saved it (<c>alloc/logs/&lt;task&gt;.stderr.&lt;n&gt;</c>),
/// quoted in the StartTask error when the host dies during startup. The host writes to the FIFO,
/// not to us, so this is the only copy; it is best effort.
/// </summary>
internal static class LogTail
{
    private const int MaxBytes = 2048;

    public static async Task<string> ReadStderrAsync(string allocDir, string taskName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(allocDir))
        {
            return string.Empty;
        }

        var logs = Path.Combine(allocDir, "alloc", "logs");
        // logmon copies from the FIFO asynchronously; give it a moment to write the last lines.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var text = Read(logs, taskName + ".stderr.");
            if (text.Length > 0)
            {
                return text;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        return string.Empty;
    }

    private static string Read(string logs, string prefix)
    {
        if (!Directory.Exists(logs))
        {
            return string.Empty;
        }

        var newest = Directory.EnumerateFiles(logs, prefix + "*")
            .Select(path => (path, index: int.TryParse(Path.GetFileName(path)[prefix.Length..], out var n) ? n : -1))
            .Where(static f => f.index >= 0)
            .OrderByDescending(static f => f.index)
            .Select(static f => f.path)
            .FirstOrDefault();
        if (newest is null)
        {
            return string.Empty;
        }

        try
        {
            using var stream = new FileStream(newest, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var start = Math.Max(0, stream.Length - MaxBytes);
            stream.Seek(start, SeekOrigin.Begin);
            var buffer = new byte[stream.Length - start];
            stream.ReadExactly(buffer);
            var text = Encoding.UTF8.GetString(buffer).Trim();
            return text.Replace('\n', ' ').Replace('\r', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
