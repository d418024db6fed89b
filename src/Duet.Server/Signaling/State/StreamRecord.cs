namespace Duet.Server.Signaling.State;

/// <summary>A published stream and its current announced properties.</summary>
public sealed record StreamRecord(
    string StreamId,
    string SessionId,
    string ConnectionId,
    DateTimeOffset CreatedAt,
    string Name,
    bool HasAudio,
    bool HasVideo,
    string? VideoType,
    int? Width,
    int? Height,
    int? FrameRate,
    bool AudioFallback = true);
