using Duet.Browser.Tests.Infrastructure;

namespace Duet.Resilience.Tests.Infrastructure;

/// <summary>A Duet server process with the short grace period and heartbeat these tests need (started by <see cref="ResilientCall"/>).</summary>
public sealed class ResilienceServer(IReadOnlyDictionary<string, string> settings) : CallServer(settings)
{
    /// <summary>Short enough to keep the suite fast; the behaviour at 20 s is the same.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>Server keep-alive and client timeout: a silent client is declared dead after this.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(6);

    public static Dictionary<string, string> Settings(TimeSpan? grace = null) => new()
    {
        ["Duet:Signaling:ReconnectGraceSeconds"] = (grace ?? Grace).TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Duet:Signaling:KeepAliveSeconds"] = "2",
        ["Duet:Signaling:ClientTimeoutSeconds"] = ClientTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
