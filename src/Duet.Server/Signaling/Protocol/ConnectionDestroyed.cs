namespace Duet.Server.Signaling.Protocol;

/// <param name="Reason">clientDisconnected, forceDisconnected or networkDisconnected (see <see cref="LeaveReasons"/>).</param>
public sealed record ConnectionDestroyed(string ConnectionId, string Reason);
