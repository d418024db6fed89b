namespace Duet.Server.Signaling.State;

/// <summary>A stream taken out of a session, with the subscriptions that went with it.</summary>
public sealed record RemovedStream(StreamRecord Stream, IReadOnlyList<SubscriptionRecord> Subscriptions);
