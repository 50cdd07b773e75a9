using System.Globalization;

namespace NomadWasm.Bench;

/// <summary>One line of kernels.txt: the exported kernel name and its size argument.</summary>
internal sealed record KernelSpec(string Name, int Arg)
{
    public static IReadOnlyList<KernelSpec> Load(string path)
    {
        var specs = new List<KernelSpec>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            specs.Add(new KernelSpec(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        return specs;
    }
}

/// <summary>One runner's timing of one kernel, in milliseconds, and the kernel's checksum.</summary>
internal sealed record Measurement(double FirstMs, double SteadyMs, ulong Checksum, string? Note = null);
