namespace Duet.Server.Signaling.Protocol;

public sealed record ResumeRequest(string? SessionId, string? ConnectionId, string? ResumeSecret);
