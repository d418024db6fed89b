namespace Duet.Server.Signaling.State;

/// <summary>One publisher→subscriber leg and what the subscriber currently wants to receive on it.</summary>
/// <param name="PublisherUfrag">On a subscription to oneself: the ICE ufrag of the last offer, which tells the two ends' candidates apart.</param>
/// <param name="SubscriberUfrag">On a subscription to oneself: the ICE ufrag of the last answer.</param>
public sealed record SubscriptionRecord(
    string SubscriptionId,
    string SessionId,
    string StreamId,
    string PublisherConnectionId,
    string SubscriberConnectionId,
    bool WantsAudio,
    bool WantsVideo,
    string? PublisherUfrag = null,
    string? SubscriberUfrag = null)
{
    public bool IsSelfSubscription => PublisherConnectionId == SubscriberConnectionId;

    public bool Involves(string connectionId) => PublisherConnectionId == connectionId || SubscriberConnectionId == connectionId;
}
