namespace Duet.Server.Signaling.Protocol;

/// <summary>What the subscriber of a leg wants to receive.</summary>
public sealed record SubscriberMediaRequest(string? SubscriptionId, bool? Audio, bool? Video);
