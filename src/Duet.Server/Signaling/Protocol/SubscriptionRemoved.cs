namespace Duet.Server.Signaling.Protocol;

public sealed record SubscriptionRemoved(string SubscriptionId, string Reason);
