namespace Duet.Server.Signaling.Protocol;

/// <summary>The wire shape ConnectionInfo: one client of a session.</summary>
/// <param name="CreationTime">Milliseconds since the Unix epoch.</param>
/// <param name="Data">The token's connection data, verbatim; "" when it has none.</param>
public sealed record SessionConnectionInfo(string ConnectionId, long CreationTime, string Data);
