namespace Duet.Server.Signaling.Protocol;

/// <summary>The server's limits a client needs to know up front.</summary>
public sealed record SessionSettings(long ReconnectGraceMs, int MaxSignalDataLength, int MaxSignalTypeLength);
