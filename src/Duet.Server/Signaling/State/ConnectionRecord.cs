using Duet.Core.Tokens;

namespace Duet.Server.Signaling.State;

/// <summary>A client in a session, as the server keeps it. Its ID is Duet's own, not the socket's, so it survives a reconnect.</summary>
/// <param name="ResumeSecret">Random bytes handed to the client at connect; proves ownership on Resume.</param>
/// <param name="SocketId">The SignalR connection it is bound to; null while its socket is down (grace period).</param>
/// <param name="Epoch">Bumped on every bind and unbind, so a stale grace timer can tell it lost the race.</param>
public sealed record ConnectionRecord(
    string ConnectionId,
    string SessionId,
    Role Role,
    string Data,
    DateTimeOffset CreatedAt,
    byte[] ResumeSecret,
    string? SocketId,
    long Epoch);
