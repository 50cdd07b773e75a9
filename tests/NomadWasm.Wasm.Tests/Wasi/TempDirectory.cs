namespace NomadWasm.Wasm.Tests.Wasi;

/// <summary>A fresh host directory under /tmp, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("nomadwasm-wasi-").FullName;
    }

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test that produced it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: cleanup only.
        }
    }
}
