namespace Duet.Server.Rooms;

/// <summary>What <c>OT.initSession(apiKey, sessionId)</c> and <c>session.connect(token)</c> need.</summary>
public sealed record RoomCredentials(int ApiKey, string SessionId, string Token);
