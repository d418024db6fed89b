namespace Duet.Server.Signaling.State;

/// <summary>One publisher→subscriber leg and what the subscriber currently wants to receive on it.</summary>
public sealed record SubscriptionRecord(
    string SubscriptionId,
    string SessionId,
    string StreamId,
    string PublisherConnectionId,
    string SubscriberConnectionId,
    bool WantsAudio,
    bool WantsVideo)
{
    public bool Involves(string connectionId) => PublisherConnectionId == connectionId || SubscriberConnectionId == connectionId;
}
