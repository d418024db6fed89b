namespace Duet.Server.Signaling;

/// <summary>Timing of the hub, bound from <c>Duet:Signaling</c>.</summary>
public sealed class SignalingOptions
{
    public const string Section = "Duet:Signaling";

    public const double DefaultReconnectGraceSeconds = 20;
    public const double DefaultKeepAliveSeconds = 10;
    public const double DefaultClientTimeoutSeconds = 30;
    public const double DefaultForcedCloseSeconds = 2;

    /// <summary>How long a connection whose socket dropped keeps its place (and streams) waiting for Resume.</summary>
    public double ReconnectGraceSeconds { get; set; } = DefaultReconnectGraceSeconds;

    /// <summary>Heartbeat: how often the server pings an idle client.</summary>
    public double KeepAliveSeconds { get; set; } = DefaultKeepAliveSeconds;

    /// <summary>Heartbeat: a client silent this long is considered dead and its socket closed.</summary>
    public double ClientTimeoutSeconds { get; set; } = DefaultClientTimeoutSeconds;

    /// <summary>After telling a connection it was force-disconnected, the server closes its socket this much later.</summary>
    public double ForcedCloseSeconds { get; set; } = DefaultForcedCloseSeconds;

    /// <summary>How long a resume secret stays valid (it is re-checked against the ended-connection list on every use).</summary>
    public double ResumeSecretLifetimeHours { get; set; } = 24;

    public TimeSpan ReconnectGrace => TimeSpan.FromSeconds(ReconnectGraceSeconds);

    public TimeSpan ResumeSecretLifetime => TimeSpan.FromHours(ResumeSecretLifetimeHours);
}
