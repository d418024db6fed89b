namespace Duet.Server.Signaling.Protocol;

/// <param name="FromConnectionId">The sender's connection, as the server knows it; null when sent through REST.</param>
public sealed record SignalMessage(string Type, string Data, string? FromConnectionId);
