namespace Duet.ServerSdk;

/// <summary>A connection of a session as <c>GET …/connection</c> reports it.</summary>
/// <param name="ConnectionState">"Connecting" or "Connected".</param>
public sealed record ConnectionInfo(string ConnectionId, string? ConnectionState, DateTimeOffset? CreatedAt);
