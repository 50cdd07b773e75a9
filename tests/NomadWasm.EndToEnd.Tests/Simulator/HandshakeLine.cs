namespace NomadWasm.EndToEnd.Tests.Simulator;

/// <summary>
/// The plugin's first stdout line, checked the way go-plugin's client parses it
/// (nomad-plugin-protocol.md §3.3): CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT.
/// </summary>
internal sealed record HandshakeLine(string Network, string Address)
{
    public static HandshakeLine Parse(string line)
    {
        var parts = line.Trim().Split('|');
        if (parts.Length < 4)
        {
            throw new FormatException($"Unrecognized remote plugin message: {line}");
        }

        if (parts[0] != "1")
        {
            throw new FormatException($"core protocol must be 1, got '{parts[0]}'");
        }

        if (parts[1] != "2")
        {
            throw new FormatException($"app protocol must be 2, got '{parts[1]}'");
        }

        if (parts[2] is not ("unix" or "tcp"))
        {
            throw new FormatException($"network must be unix or tcp, got '{parts[2]}'");
        }

        if (parts.Length < 5 || parts[4] != "grpc")
        {
            throw new FormatException("protocol (field 5) must be grpc; Nomad allows only gRPC plugins");
        }

        if (parts.Length >= 6 && parts[5].Length > 0)
        {
            throw new FormatException("field 6 (server certificate) must be empty: Nomad runs without AutoMTLS and would crash");
        }

        if (parts.Length > 6)
        {
            throw new FormatException("a seventh field (multiplexing) must not be printed: Nomad never sets PLUGIN_MULTIPLEX_GRPC");
        }

        return new HandshakeLine(parts[2], parts[3]);
    }
}
