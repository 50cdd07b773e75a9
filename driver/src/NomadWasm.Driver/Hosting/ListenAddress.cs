using System.Globalization;
using System.Net;

namespace NomadWasm.Driver.Hosting;

/// <summary>
/// Finds where the HTTP trigger listens from the task's port label (nomad-plugin-protocol.md §11):
/// TaskConfig.resources.ports first, then legacy task networks, then NOMAD_ADDR_&lt;label&gt;.
/// Only host networking is supported, so the host port (<c>value</c>) is bound on <c>host_ip</c>.
/// </summary>
internal static class ListenAddress
{
    public static IPEndPoint Resolve(string label, IReadOnlyList<PortBinding> ports, IReadOnlyDictionary<string, string> env)
    {
        foreach (var port in ports)
        {
            if (string.Equals(port.Label, label, StringComparison.Ordinal) && port.Value > 0)
            {
                return new IPEndPoint(ParseIp(port.HostIp, label), port.Value);
            }
        }

        if (env.TryGetValue("NOMAD_ADDR_" + EnvKey(label), out var addr) && IPEndPoint.TryParse(addr, out var endpoint) && endpoint.Port > 0)
        {
            return endpoint;
        }

        var known = ports.Select(p => p.Label).Distinct(StringComparer.Ordinal).ToList();
        var hint = known.Count == 0 ? "the task has no ports" : "the task's ports are: " + string.Join(", ", known);
        throw new ArgumentException(
            $"config.port: port label \"{label}\" is not among the allocation's ports ({hint}); declare it in the group's network block: network {{ port \"{label}\" {{}} }}");
    }

    /// <summary>Nomad cleans port labels into env keys by replacing anything outside [A-Za-z0-9_] with '_' (client/taskenv/env.go).</summary>
    public static string EnvKey(string label)
    {
        var chars = label.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    /// <summary>The address a client on this node uses to reach the listener.</summary>
    public static IPEndPoint Dialable(IPEndPoint listen) =>
        listen.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Loopback, listen.Port)
        : listen.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, listen.Port)
        : listen;

    public static string Format(IPEndPoint endpoint) => endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? string.Create(CultureInfo.InvariantCulture, $"[{endpoint.Address}]:{endpoint.Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{endpoint.Address}:{endpoint.Port}");

    private static IPAddress ParseIp(string hostIp, string label)
    {
        if (string.IsNullOrEmpty(hostIp))
        {
            return IPAddress.Any;
        }

        return IPAddress.TryParse(hostIp, out var ip)
            ? ip
            : throw new ArgumentException($"config.port: port \"{label}\" has host_ip \"{hostIp}\", which is not an IP address");
    }
}
