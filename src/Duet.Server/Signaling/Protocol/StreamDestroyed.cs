namespace Duet.Server.Signaling.Protocol;

public sealed record StreamDestroyed(string StreamId, string Reason);
