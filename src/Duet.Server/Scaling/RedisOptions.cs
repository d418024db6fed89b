namespace Duet.Server.Scaling;

/// <summary>Scale-out, bound from <c>Duet:Redis</c>. Unset <see cref="Configuration"/> keeps the embedded single-node default.</summary>
public sealed class RedisOptions
{
    public const string Section = "Duet:Redis";

    /// <summary>A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379,password=…</c>); nodes given the same one form a cluster.</summary>
    public string? Configuration { get; set; }

    /// <summary>A node that has not renewed its heartbeat for this long is taken for dead: a surviving node takes over its clients.</summary>
    public double NodeTimeoutSeconds { get; set; } = 15;

    public TimeSpan NodeTimeout => TimeSpan.FromSeconds(NodeTimeoutSeconds);

    /// <summary>Renewed five times per timeout, so a node survives a few late beats.</summary>
    public TimeSpan HeartbeatInterval => NodeTimeout / 5;
}
