using Duet.Server.Signaling.Protocol;
using Duet.Server.Signaling.State;

namespace Duet.Server.Signaling;

/// <summary>State records as the wire shapes of docs/signaling-protocol.md.</summary>
public static class ProtocolMapping
{
    public static SessionConnectionInfo ToInfo(this ConnectionRecord c) => new(c.ConnectionId, c.CreatedAt.ToUnixTimeMilliseconds(), c.Data);

    public static StreamInfo ToInfo(this StreamRecord s) => new(
        s.StreamId, s.ConnectionId, s.CreatedAt.ToUnixTimeMilliseconds(), s.Name, s.HasAudio, s.HasVideo, s.VideoType,
        s is { Width: { } w, Height: { } h } ? new VideoDimensions(w, h) : null, s.FrameRate, s.AudioFallback);

    public static SubscriptionInfo ToInfo(this SubscriptionRecord s) =>
        new(s.SubscriptionId, s.StreamId, s.PublisherConnectionId, s.SubscriberConnectionId);
}
