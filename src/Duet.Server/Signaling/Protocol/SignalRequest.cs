namespace Duet.Server.Signaling.Protocol;

/// <param name="To">A connection ID of the session; null or absent = everyone, the sender included.</param>
public sealed record SignalRequest(string? Type, string? Data, string? To);
