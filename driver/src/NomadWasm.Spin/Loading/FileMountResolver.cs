using System.Text.RegularExpressions;
using NomadWasm.Spin.Manifest;

namespace NomadWasm.Spin.Loading;

/// <summary>
/// Expands a component's <c>files</c> into single-file mounts, applying <c>exclude_files</c>
/// (crates/loader/src/local.rs <c>copy_file_mounts</c>; spec §1.7):
/// <list type="bullet">
/// <item>an existing file path → the file at the same relative guest path (not subject to excludes);</item>
/// <item>an existing directory → every file under it at its app-relative guest path;</item>
/// <item>otherwise a glob → every matching file at its app-relative guest path;</item>
/// <item><c>{ source, destination }</c> → a file placed at <c>destination</c>, or a directory's files under it.</item>
/// </list>
/// Files outside the application directory are an error.
/// </summary>
internal sealed class FileMountResolver
{
    private readonly string _appDir;
    private readonly TomlAccess _toml;
    private readonly List<string> _warnings;

    public FileMountResolver(string appDir, TomlAccess toml, List<string> warnings)
    {
        _appDir = Path.GetFullPath(appDir);
        _toml = toml;
        _warnings = warnings;
    }

    public List<FileMount> Resolve(ManifestComponent component)
    {
        var excludes = new List<Regex>();
        for (var i = 0; i < component.ExcludeFiles.Count; i++)
        {
            var (pattern, at) = component.ExcludeFiles[i];
            try
            {
                excludes.Add(FileGlob.ExcludeRegex(pattern));
            }
            catch (FormatException ex)
            {
                throw _toml.Error($"{TomlAccess.Join(component.Path, "exclude_files")}[{i}]", ex.Message, at);
            }
        }

        var mounts = new List<FileMount>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in component.Files)
        {
            try
            {
                if ((entry.Pattern ?? entry.Source)!.Contains('\0', StringComparison.Ordinal))
                {
                    throw new FormatException("the path contains a NUL character");
                }

                var found = entry.Pattern is { } pattern ? ResolvePattern(pattern, excludes) : ResolvePlacement(entry.Source!, entry.Destination!, excludes);
                foreach (var mount in found)
                {
                    // A later entry placing a file at the same guest path overwrites the earlier copy, as in Spin.
                    if (seen.TryGetValue(mount.GuestPath, out var index))
                    {
                        mounts[index] = mount;
                    }
                    else
                    {
                        seen[mount.GuestPath] = mounts.Count;
                        mounts.Add(mount);
                    }
                }
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw _toml.Error(entry.Path, ex.Message, entry.At);
            }
        }

        return mounts;
    }

    private IEnumerable<FileMount> ResolvePattern(string pattern, List<Regex> excludes)
    {
        if (pattern == ".." || pattern.EndsWith("/..", StringComparison.Ordinal))
        {
            throw new FormatException("a file pattern can't end in a parent directory path (..); to include a directory use the source-destination form, or a glob pattern ending in **/*");
        }

        if (pattern == "." || pattern.EndsWith("/.", StringComparison.Ordinal))
        {
            throw new FormatException("a file pattern can't end in a current directory path (.); to include a directory use the source-destination form, or a glob pattern ending in **/*");
        }

        if (pattern == "*")
        {
            _warnings.Add("A component is including the entire application directory as asset files (files = [\"*\"]). If this is what you want, use the pattern \"./*\" to avoid this warning.");
        }
        else if (pattern == "**/*")
        {
            _warnings.Add("A component is including the entire application directory tree as asset files (files = [\"**/*\"]). If this is what you want, use the pattern \"./**/*\" to avoid this warning.");
        }

        var full = Path.GetFullPath(Path.Combine(_appDir, pattern));
        if (File.Exists(full))
        {
            return [new FileMount(full, GuestPath(AppRelative(full, pattern)))];
        }

        if (Directory.Exists(full))
        {
            return FilesUnder(full, pattern).Where(f => !IsExcluded(f, excludes)).Select(f => new FileMount(f, GuestPath(AppRelative(f, pattern))));
        }

        if (!FileGlob.LooksLikeGlob(pattern))
        {
            throw new FormatException($"\"{pattern}\" does not exist and doesn't appear to be a glob pattern");
        }

        return ExpandGlob(pattern).Where(f => !IsExcluded(f, excludes)).Select(f => new FileMount(f, GuestPath(AppRelative(f, pattern))));
    }

    private IEnumerable<FileMount> ResolvePlacement(string source, string destination, List<Regex> excludes)
    {
        var full = Path.GetFullPath(Path.Combine(_appDir, source));
        if (File.Exists(full))
        {
            _ = AppRelative(full, source);
            return [new FileMount(full, GuestPath(destination))];
        }

        if (Directory.Exists(full))
        {
            return FilesUnder(full, source)
                .Where(f => !IsExcluded(f, excludes))
                .Select(f => new FileMount(f, GuestPath(destination.TrimEnd('/') + "/" + Path.GetRelativePath(full, f).Replace('\\', '/'))));
        }

        throw new FormatException($"file or directory \"{source}\" does not exist");
    }

    private List<string> FilesUnder(string directory, string pattern)
    {
        var files = Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            _ = AppRelative(file, pattern);
        }

        return files;
    }

    /// <summary>Walks the file system component by component, like the glob crate.</summary>
    private List<string> ExpandGlob(string pattern)
    {
        FileGlob.ValidateRecursive(pattern.Replace('\\', '/'), pattern);
        var components = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { pattern.StartsWith('/') ? "/" : _appDir };
        for (var i = 0; i < components.Length; i++)
        {
            var component = components[i];
            var last = i == components.Length - 1;
            var next = new List<string>();
            if (component == "**")
            {
                foreach (var dir in current.Where(Directory.Exists))
                {
                    next.Add(dir);
                    next.AddRange(Directory.EnumerateDirectories(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
                }

                if (last)
                {
                    // A trailing "**" matches every file below.
                    next = [.. next.SelectMany(d => Directory.EnumerateFiles(d))];
                }
            }
            else if (!FileGlob.LooksLikeGlob(component))
            {
                next.AddRange(current.Select(dir => Path.GetFullPath(Path.Combine(dir, component))).Where(p => Directory.Exists(p) || File.Exists(p)));
            }
            else
            {
                var regex = FileGlob.ComponentRegex(component, pattern);
                foreach (var dir in current.Where(Directory.Exists))
                {
                    next.AddRange(Directory.EnumerateFileSystemEntries(dir).Where(e => regex.IsMatch(Path.GetFileName(e))));
                }
            }

            current = [.. next.Distinct(StringComparer.Ordinal)];
        }

        var files = current.Where(File.Exists).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            _ = AppRelative(file, pattern);
        }

        return files;
    }

    private bool IsExcluded(string file, List<Regex> excludes)
    {
        if (excludes.Count == 0)
        {
            return false;
        }

        var relative = Path.GetRelativePath(_appDir, file).Replace('\\', '/');
        return excludes.Any(e => e.IsMatch(relative));
    }

    private string AppRelative(string file, string pattern)
    {
        var relative = Path.GetRelativePath(_appDir, file).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new FormatException($"\"{pattern}\" cannot be mapped because it is outside the application directory. Files must be within the application directory.");
        }

        return relative;
    }

    /// <summary>An absolute, normalized guest path ("/a/b"), without "." segments.</summary>
    internal static string GuestPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }
}
