namespace Duet.Server.Signaling.Protocol;

public sealed record ConnectRequest(string? ApiKey, string? SessionId, string? Token);
