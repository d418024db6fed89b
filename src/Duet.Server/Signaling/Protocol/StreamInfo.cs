namespace Duet.Server.Signaling.Protocol;

/// <param name="VideoType">camera, screen or custom; null for a voice-only stream.</param>
/// <param name="AudioFallback">Whether subscribers may drop this stream's video on a bad network (the publisher's audioFallback.subscriber).</param>
public sealed record StreamInfo(
    string StreamId,
    string ConnectionId,
    long CreationTime,
    string Name,
    bool HasAudio,
    bool HasVideo,
    string? VideoType,
    VideoDimensions? VideoDimensions,
    int? FrameRate,
    bool AudioFallback = true);
