using System.Text;

namespace NomadWasm.Wasm.Wasi.Preview1;

/// <summary>
/// What a WASI preview-1 guest sees: arguments, environment, stdio streams and preopened
/// directories. Build it once (e.g. per Spin component) and create a cheap
/// <see cref="WasiContext"/> from it per instance: the UTF-8 encodings of args and environment are
/// computed once here and shared.
/// </summary>
public sealed class WasiConfiguration
{
    private byte[]? _argsBlob;
    private byte[]? _environBlob;
    private Descriptors.PreopenRoot[]? _roots;

    /// <summary>argv; argv[0] is conventionally the program name.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables, passed as KEY=VALUE in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>fd 0. Null reads as an empty stream (EOF).</summary>
    public Stream? Stdin { get; init; }

    /// <summary>fd 1. Null discards output.</summary>
    public Stream? Stdout { get; init; }

    /// <summary>fd 2. Null discards output.</summary>
    public Stream? Stderr { get; init; }

    /// <summary>Report stdio as character devices (terminals) rather than unknown files.</summary>
    public bool StdioIsTerminal { get; init; }

    /// <summary>Preopened directories, fds 3, 4, … in this order.</summary>
    public IReadOnlyList<WasiPreopen> Preopens { get; init; } = [];

    internal byte[] ArgsBlob => _argsBlob ??= Encode(Arguments);

    /// <summary>The preopens' absolute host roots, computed once and shared by every context.</summary>
    internal Descriptors.PreopenRoot[] Roots => _roots ??= Preopens
        .Select(static p => new Descriptors.PreopenRoot(System.IO.Path.GetFullPath(p.HostPath), p.ReadOnly))
        .ToArray();

    internal byte[] EnvironBlob => _environBlob ??= Encode(Environment.Select(static kv => kv.Key + "=" + kv.Value).ToList());

    /// <summary>
    /// Checks arguments, environment and preopens (the only check that touches the disk),
    /// throwing <see cref="ArgumentException"/> naming the bad item. Call it once when loading;
    /// <see cref="WasiContext"/> does not, so that creating one stays free of I/O.
    /// </summary>
    public void Validate()
    {
        foreach (var preopen in Preopens)
        {
            if (preopen.GuestPath.Length == 0 || preopen.GuestPath.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"preopen '{preopen.HostPath}' has an empty guest path or one with a NUL byte", nameof(Preopens));
            }

            if (!Directory.Exists(preopen.HostPath))
            {
                throw new ArgumentException($"preopen '{preopen.HostPath}' (guest '{preopen.GuestPath}') is not a directory", nameof(Preopens));
            }
        }

        foreach (var arg in Arguments)
        {
            if (arg.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"argument '{arg.Replace("\0", "\\0", StringComparison.Ordinal)}' contains a NUL byte", nameof(Arguments));
            }
        }

        foreach (var (key, value) in Environment)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"environment variable '{key}' has an empty name, '=' in its name, or a NUL byte", nameof(Environment));
            }
        }
    }

    // All strings NUL-terminated back to back: the argv_buf / environ_buf image.
    private static byte[] Encode(IReadOnlyList<string> strings)
    {
        var length = 0;
        foreach (var s in strings)
        {
            length += Encoding.UTF8.GetByteCount(s) + 1;
        }

        var blob = new byte[length];
        var at = 0;
        foreach (var s in strings)
        {
            at += Encoding.UTF8.GetBytes(s, blob.AsSpan(at));
            blob[at++] = 0;
        }

        return blob;
    }
}
