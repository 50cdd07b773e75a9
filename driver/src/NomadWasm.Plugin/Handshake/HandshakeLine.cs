using System.Globalization;

namespace NomadWasm.Plugin.Handshake;

/// <summary>
/// The one line go-plugin's client reads from stdout (spec §3.3):
/// <code>CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT\n</code>
/// e.g. <c>1|2|unix|/tmp/plugin123456|grpc|</c>. The sixth field stays empty: AutoMTLS is off in Nomad, and a
/// certificate there crashes the client. It is printed only once the listener accepts connections.
/// </summary>
internal static class HandshakeLine
{
    internal static string Format(int coreVersion, int appVersion, string network, string address) =>
        string.Create(CultureInfo.InvariantCulture, $"{coreVersion}|{appVersion}|{network}|{address}|grpc|\n");
}
