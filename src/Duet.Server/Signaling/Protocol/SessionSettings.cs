namespace Duet.Server.Signaling.Protocol;

/// <summary>The server's limits a client needs to know up front.</summary>
/// <param name="KeepAliveMs">How often the client should ping: a third of the server's client timeout, so two lost pings are survived.</param>
/// <param name="ServerTimeoutMs">How long the client may hear nothing from the server (which pings at its keep-alive interval) before it treats the socket as dead.</param>
public sealed record SessionSettings(long ReconnectGraceMs, int MaxSignalDataLength, int MaxSignalTypeLength, long KeepAliveMs, long ServerTimeoutMs);
