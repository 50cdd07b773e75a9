namespace NomadWasm.Plugin.Grpc;

/// <summary>
/// Parses the <c>grpc-timeout</c> request header (gRPC over HTTP/2, "Timeout → "grpc-timeout" TimeoutValue TimeoutUnit"):
/// at most 8 ASCII digits followed by one unit: H hours, M minutes, S seconds, m milliseconds, u microseconds, n nanoseconds.
/// </summary>
internal static class GrpcTimeout
{
    /// <summary>The longest timeout honoured; larger values (up to 99,999,999 hours) are treated as no deadline.</summary>
    internal static readonly TimeSpan Max = TimeSpan.FromDays(365);

    /// <summary>Returns false when <paramref name="value"/> is malformed.</summary>
    internal static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length is < 2 or > 9)
        {
            return false;
        }

        long amount = 0;
        var digits = value[..^1];
        foreach (var c in digits)
        {
            if ((uint)(c - '0') > 9)
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // 1 tick = 100 ns. Every product below fits in a long: amount < 10^8.
        long ticks;
        switch (value[^1])
        {
            case 'H': ticks = amount * TimeSpan.TicksPerHour; break;
            case 'M': ticks = amount * TimeSpan.TicksPerMinute; break;
            case 'S': ticks = amount * TimeSpan.TicksPerSecond; break;
            case 'm': ticks = amount * TimeSpan.TicksPerMillisecond; break;
            case 'u': ticks = amount * TimeSpan.TicksPerMicrosecond; break;
            case 'n': ticks = amount / 100; break;
            default: return false;
        }

        timeout = ticks > Max.Ticks ? Max : new TimeSpan(ticks);
        return true;
    }
}
