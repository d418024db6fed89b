namespace Duet.Server.Signaling.Protocol;

public sealed record SubscriberMediaChanged(string SubscriptionId, bool Audio, bool Video);
