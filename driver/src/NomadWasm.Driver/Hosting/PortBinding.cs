namespace NomadWasm.Driver.Hosting;

/// <summary>A port as Nomad hands it to a task (TaskConfig.resources.ports or a legacy network's ports).</summary>
internal sealed record PortBinding(string Label, int Value, int To, string HostIp);
