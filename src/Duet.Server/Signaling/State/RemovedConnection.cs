namespace Duet.Server.Signaling.State;

/// <summary>A connection taken out of a session, with its streams and every subscription it was an end of.</summary>
public sealed record RemovedConnection(
    ConnectionRecord Connection,
    IReadOnlyList<StreamRecord> Streams,
    IReadOnlyList<SubscriptionRecord> Subscriptions);
