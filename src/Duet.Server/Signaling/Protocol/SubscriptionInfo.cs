namespace Duet.Server.Signaling.Protocol;

/// <summary>One publisher→subscriber leg (one RTCPeerConnection). Both ends may be the same connection (subscribe-to-self).</summary>
public sealed record SubscriptionInfo(string SubscriptionId, string StreamId, string PublisherConnectionId, string SubscriberConnectionId);
