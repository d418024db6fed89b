namespace Duet.Server.Turn;

/// <summary>
/// A TURN server that shares a secret with Duet (coturn's <c>use-auth-secret</c>), bound from <c>Duet:Turn</c>.
/// With a secret, each connect gets its own short-lived credentials instead of a password shared by everyone.
/// </summary>
public sealed class TurnOptions
{
    public const string Section = "Duet:Turn";

    public const int DefaultTtlSeconds = 24 * 60 * 60;

    /// <summary>coturn's <c>static-auth-secret</c>; null or empty turns ephemeral credentials off.</summary>
    public string? Secret { get; set; }

    /// <summary>turn:/turns: URLs of the server, e.g. <c>turn:turn.example.com:3478?transport=udp</c>.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>How long the credentials stay valid.</summary>
    public int TtlSeconds { get; set; } = DefaultTtlSeconds;
}
