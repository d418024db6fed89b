namespace Duet.Server.Signaling.Protocol;

public sealed record Disconnected(string Reason);
