using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Loading;

/// <summary>Loads a Spin application from a <c>spin.toml</c> (spec §0 step 2, §1).</summary>
public static class AppLoader
{
    /// <summary>
    /// Loads the app whose manifest is <paramref name="pathToSpinTomlOrDirectory"/> (a <c>spin.toml</c>
    /// file, or a directory containing one).
    /// </summary>
    /// <exception cref="ManifestException">The manifest is missing or invalid; the message names file, key and reason.</exception>
    public static LoadedApp Load(string pathToSpinTomlOrDirectory, AppLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pathToSpinTomlOrDirectory);
        _ = options;
        throw new ManifestException(pathToSpinTomlOrDirectory, null, "loading is not implemented yet");
    }
}
