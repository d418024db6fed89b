namespace Duet.Server.Signaling.Protocol;

/// <summary>The argument of connectionReconnecting and connectionReconnected.</summary>
public sealed record ConnectionRef(string ConnectionId);
