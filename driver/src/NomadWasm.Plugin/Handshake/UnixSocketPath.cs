using System.Security.Cryptography;
using System.Text;

namespace NomadWasm.Plugin.Handshake;

/// <summary>
/// Where the gRPC socket goes (spec §3.3): a fresh <c>plugin*</c> name in <c>$PLUGIN_UNIX_SOCKET_DIR</c>, or the
/// temp dir when that is unset, as go-plugin's <c>os.CreateTemp(dir, "plugin*")</c> does.
/// </summary>
internal static class UnixSocketPath
{
    internal const string DirectoryVariable = "PLUGIN_UNIX_SOCKET_DIR";

    /// <summary>sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.</summary>
    internal const int MaxPathBytes = 107;

    internal static string Create(string? socketDirectory)
    {
        var directory = string.IsNullOrEmpty(socketDirectory) ? Path.GetTempPath() : socketDirectory;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{DirectoryVariable} directory '{directory}' does not exist.");
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var name = "plugin" + RandomNumberGenerator.GetInt32(int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = Path.Combine(directory, name);
            if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            {
                throw new PathTooLongException(
                    $"Unix socket path '{path}' is longer than {MaxPathBytes} bytes; set {DirectoryVariable} to a shorter directory.");
            }

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return path;
            }
        }

        throw new IOException($"Could not find a free plugin socket name in '{directory}'.");
    }
}
