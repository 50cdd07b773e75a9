using System.Net;

namespace NomadWasm.Spin.Manifest;

/// <summary>The host part of an allowed-host entry.</summary>
public abstract record HostPattern
{
    private HostPattern()
    {
    }

    /// <summary>True when <paramref name="host"/> (a DNS name or IP literal, no brackets) matches.</summary>
    public abstract bool Matches(string host);

    /// <summary><c>*</c>: any host.</summary>
    public sealed record Any : HostPattern
    {
        /// <inheritdoc/>
        public override bool Matches(string host) => true;
    }

    /// <summary><c>*.example.com</c>: any proper subdomain of <paramref name="Domain"/>.</summary>
    public sealed record Subdomain(string Domain) : HostPattern
    {
        /// <inheritdoc/>
        public override bool Matches(string host) =>
            host.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A literal domain name or IP address.</summary>
    public sealed record Exact(string Name) : HostPattern
    {
        /// <inheritdoc/>
        public override bool Matches(string host)
        {
            if (string.Equals(host, Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IPAddress.TryParse(Name.Trim('[', ']'), out var a) && IPAddress.TryParse(host.Trim('[', ']'), out var b) && a.Equals(b);
        }
    }

    /// <summary>A CIDR range such as <c>127.0.0.0/24</c>; matches IP literals inside it.</summary>
    public sealed record Cidr(IPNetwork Network) : HostPattern
    {
        /// <inheritdoc/>
        public override bool Matches(string host) =>
            IPAddress.TryParse(host.Trim('[', ']'), out var address) && Network.Contains(address);
    }

    /// <summary><c>self</c> or <c>self.alt</c>: only the app's own listener (relative or <c>self.alt</c> requests); never matches a named host.</summary>
    public sealed record Self(string Name) : HostPattern
    {
        /// <inheritdoc/>
        public override bool Matches(string host) => false;
    }
}
