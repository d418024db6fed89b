namespace Duet.Server.Signaling.Protocol;

/// <summary>The reason strings OpenTok apps switch on.</summary>
public static class LeaveReasons
{
    public const string ClientDisconnected = "clientDisconnected";
    public const string ForceDisconnected = "forceDisconnected";
    public const string NetworkDisconnected = "networkDisconnected";
    public const string ForceUnpublished = "forceUnpublished";

    /// <summary>Subscription removals: the subscriber asked for it.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>Subscription removals: the stream ended.</summary>
    public const string StreamDestroyed = "streamDestroyed";
}
