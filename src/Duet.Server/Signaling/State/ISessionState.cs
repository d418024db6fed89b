using Duet.Server.Signaling.Protocol;

namespace Duet.Server.Signaling.State;

/// <summary>
/// The live state of every session: connections, streams, subscriptions and signals waiting for a reconnecting
/// client. The hub and the REST API see only this interface; the in-memory store is the default, a shared
/// (e.g. Redis) store can replace it with one DI registration. Each method is atomic on its own; callers
/// serialise compound changes per session (<see cref="ISessionLock"/>).
/// </summary>
public interface ISessionState
{
    /// <summary>Adds the connection unless the session already holds <paramref name="maxConnections"/>.</summary>
    ValueTask<AddOutcome> AddConnectionAsync(ConnectionRecord connection, int maxConnections);

    ValueTask<ConnectionRecord?> FindConnectionAsync(string connectionId);

    ValueTask<ConnectionRecord?> FindConnectionBySocketAsync(string socketId);

    /// <summary>Every connection of the session, oldest first.</summary>
    ValueTask<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(string sessionId);

    /// <summary>Binds the connection to a socket (connect or resume); returns the updated record, or null if it is gone.</summary>
    ValueTask<ConnectionRecord?> BindSocketAsync(string connectionId, string socketId);

    /// <summary>Unbinds the connection if it is still bound to <paramref name="socketId"/>; returns the updated record, else null.</summary>
    ValueTask<ConnectionRecord?> UnbindSocketAsync(string connectionId, string socketId);

    /// <summary>Removes the connection with its streams and every subscription it is an end of.</summary>
    ValueTask<RemovedConnection?> RemoveConnectionAsync(string connectionId);

    /// <summary>Adds the stream unless its connection is gone or already publishes <paramref name="maxPerConnection"/> streams.</summary>
    ValueTask<AddOutcome> AddStreamAsync(StreamRecord stream, int maxPerConnection);

    ValueTask<StreamRecord?> FindStreamAsync(string streamId);

    /// <summary>Every stream of the session, oldest first.</summary>
    ValueTask<IReadOnlyList<StreamRecord>> ListStreamsAsync(string sessionId);

    /// <summary>Replaces a stream's properties; false if it is gone.</summary>
    ValueTask<bool> UpdateStreamAsync(StreamRecord stream);

    ValueTask<RemovedStream?> RemoveStreamAsync(string streamId);

    /// <summary>Adds the subscription unless its stream or subscriber is gone or the subscriber holds <paramref name="maxPerSubscriber"/>.</summary>
    ValueTask<AddOutcome> AddSubscriptionAsync(SubscriptionRecord subscription, int maxPerSubscriber);

    ValueTask<SubscriptionRecord?> FindSubscriptionAsync(string subscriptionId);

    ValueTask<bool> UpdateSubscriptionAsync(SubscriptionRecord subscription);

    ValueTask<SubscriptionRecord?> RemoveSubscriptionAsync(string subscriptionId);

    /// <summary>Turns the session's mute-all state on or off; while on, streams published later start muted.
    /// Forgotten when the session's last connection leaves.</summary>
    ValueTask SetForceMuteAllAsync(string sessionId, bool active);

    ValueTask<bool> IsForceMuteAllActiveAsync(string sessionId);

    /// <summary>Keeps a signal for a connection whose socket is down, dropping the oldest beyond <paramref name="maxQueued"/>.</summary>
    ValueTask AddPendingSignalAsync(string connectionId, SignalMessage signal, int maxQueued);

    /// <summary>Returns and forgets the signals kept for the connection, oldest first.</summary>
    ValueTask<IReadOnlyList<SignalMessage>> TakePendingSignalsAsync(string connectionId);
}
