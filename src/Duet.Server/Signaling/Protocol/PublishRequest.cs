namespace Duet.Server.Signaling.Protocol;

public sealed record PublishRequest(
    string? Name, bool? HasAudio, bool? HasVideo, string? VideoType, VideoDimensions? VideoDimensions, int? FrameRate, string? RestoreStreamId = null, bool? AudioFallback = null);
