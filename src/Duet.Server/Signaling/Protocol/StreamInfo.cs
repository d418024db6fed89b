namespace Duet.Server.Signaling.Protocol;

/// <param name="VideoType">camera, screen or custom; null for a voice-only stream.</param>
public sealed record StreamInfo(
    string StreamId,
    string ConnectionId,
    long CreationTime,
    string Name,
    bool HasAudio,
    bool HasVideo,
    string? VideoType,
    VideoDimensions? VideoDimensions,
    int? FrameRate);
