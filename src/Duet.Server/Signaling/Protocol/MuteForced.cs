namespace Duet.Server.Signaling.Protocol;

/// <param name="StreamId">The muted stream, or null for mute-all.</param>
public sealed record MuteForced(string? StreamId, bool Active);
