using Duet.Server.Signaling.Protocol;

namespace Duet.Server.Signaling.State;

/// <summary>
/// The single-node session state: plain dictionaries behind one lock. Every operation is a few dictionary
/// lookups, so one lock costs nothing measurable and makes each method trivially atomic.
/// </summary>
public sealed class InMemorySessionState : ISessionState
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConnectionRecord> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _connectionBySocket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _connectionsBySession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StreamRecord> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _streamsBySession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubscriptionRecord> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<SignalMessage>> _pendingSignals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mutedSessions = new(StringComparer.Ordinal);

    public ValueTask<AddOutcome> AddConnectionAsync(ConnectionRecord connection, int maxConnections)
    {
        lock (_lock)
        {
            var ids = ListFor(_connectionsBySession, connection.SessionId);
            if (ids.Count >= maxConnections)
            {
                DropIfEmpty(_connectionsBySession, connection.SessionId);
                return ValueTask.FromResult(AddOutcome.LimitReached);
            }

            ids.Add(connection.ConnectionId);
            _connections[connection.ConnectionId] = connection;
            if (connection.SocketId is not null)
            {
                _connectionBySocket[connection.SocketId] = connection.ConnectionId;
            }

            return ValueTask.FromResult(AddOutcome.Added);
        }
    }

    public ValueTask<ConnectionRecord?> FindConnectionAsync(string connectionId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_connections.GetValueOrDefault(connectionId));
        }
    }

    public ValueTask<ConnectionRecord?> FindConnectionBySocketAsync(string socketId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_connectionBySocket.TryGetValue(socketId, out var id) ? _connections.GetValueOrDefault(id) : null);
        }
    }

    public ValueTask<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(string sessionId)
    {
        lock (_lock)
        {
            IReadOnlyList<ConnectionRecord> list = _connectionsBySession.TryGetValue(sessionId, out var ids)
                ? ids.Select(id => _connections[id]).ToArray()
                : [];
            return ValueTask.FromResult(list);
        }
    }

    public ValueTask<ConnectionRecord?> BindSocketAsync(string connectionId, string socketId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var connection))
            {
                return ValueTask.FromResult<ConnectionRecord?>(null);
            }

            if (connection.SocketId is not null)
            {
                _connectionBySocket.Remove(connection.SocketId);
            }

            var bound = connection with { SocketId = socketId, Epoch = connection.Epoch + 1 };
            _connections[connectionId] = bound;
            _connectionBySocket[socketId] = connectionId;
            return ValueTask.FromResult<ConnectionRecord?>(bound);
        }
    }

    public ValueTask<ConnectionRecord?> UnbindSocketAsync(string connectionId, string socketId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var connection) || connection.SocketId != socketId)
            {
                return ValueTask.FromResult<ConnectionRecord?>(null);
            }

            _connectionBySocket.Remove(socketId);
            var unbound = connection with { SocketId = null, Epoch = connection.Epoch + 1 };
            _connections[connectionId] = unbound;
            return ValueTask.FromResult<ConnectionRecord?>(unbound);
        }
    }

    public ValueTask<RemovedConnection?> RemoveConnectionAsync(string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.Remove(connectionId, out var connection))
            {
                return ValueTask.FromResult<RemovedConnection?>(null);
            }

            if (connection.SocketId is not null)
            {
                _connectionBySocket.Remove(connection.SocketId);
            }

            RemoveFrom(_connectionsBySession, connection.SessionId, connectionId);
            if (!_connectionsBySession.ContainsKey(connection.SessionId))
            {
                _mutedSessions.Remove(connection.SessionId);
            }
            _pendingSignals.Remove(connectionId);

            var streams = new List<StreamRecord>();
            var subscriptions = new List<SubscriptionRecord>();
            foreach (var stream in _streams.Values.Where(s => s.ConnectionId == connectionId).ToArray())
            {
                streams.Add(stream);
                subscriptions.AddRange(RemoveStreamLocked(stream).Subscriptions);
            }

            foreach (var subscription in _subscriptions.Values.Where(s => s.Involves(connectionId)).ToArray())
            {
                _subscriptions.Remove(subscription.SubscriptionId);
                subscriptions.Add(subscription);
            }

            return ValueTask.FromResult<RemovedConnection?>(new RemovedConnection(connection, streams, subscriptions));
        }
    }

    public ValueTask<AddOutcome> AddStreamAsync(StreamRecord stream, int maxPerConnection)
    {
        lock (_lock)
        {
            if (!_connections.ContainsKey(stream.ConnectionId))
            {
                return ValueTask.FromResult(AddOutcome.OwnerMissing);
            }

            if (_streams.Values.Count(s => s.ConnectionId == stream.ConnectionId) >= maxPerConnection)
            {
                return ValueTask.FromResult(AddOutcome.LimitReached);
            }

            _streams[stream.StreamId] = stream;
            ListFor(_streamsBySession, stream.SessionId).Add(stream.StreamId);
            return ValueTask.FromResult(AddOutcome.Added);
        }
    }

    public ValueTask<StreamRecord?> FindStreamAsync(string streamId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_streams.GetValueOrDefault(streamId));
        }
    }

    public ValueTask<IReadOnlyList<StreamRecord>> ListStreamsAsync(string sessionId)
    {
        lock (_lock)
        {
            IReadOnlyList<StreamRecord> list = _streamsBySession.TryGetValue(sessionId, out var ids)
                ? ids.Select(id => _streams[id]).ToArray()
                : [];
            return ValueTask.FromResult(list);
        }
    }

    public ValueTask<bool> UpdateStreamAsync(StreamRecord stream)
    {
        lock (_lock)
        {
            if (!_streams.ContainsKey(stream.StreamId))
            {
                return ValueTask.FromResult(false);
            }

            _streams[stream.StreamId] = stream;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<RemovedStream?> RemoveStreamAsync(string streamId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_streams.TryGetValue(streamId, out var stream) ? RemoveStreamLocked(stream) : null);
        }
    }

    public ValueTask<AddOutcome> AddSubscriptionAsync(SubscriptionRecord subscription, int maxPerSubscriber)
    {
        lock (_lock)
        {
            if (!_streams.ContainsKey(subscription.StreamId) || !_connections.ContainsKey(subscription.SubscriberConnectionId))
            {
                return ValueTask.FromResult(AddOutcome.OwnerMissing);
            }

            if (_subscriptions.Values.Count(s => s.SubscriberConnectionId == subscription.SubscriberConnectionId) >= maxPerSubscriber)
            {
                return ValueTask.FromResult(AddOutcome.LimitReached);
            }

            _subscriptions[subscription.SubscriptionId] = subscription;
            return ValueTask.FromResult(AddOutcome.Added);
        }
    }

    public ValueTask<SubscriptionRecord?> FindSubscriptionAsync(string subscriptionId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_subscriptions.GetValueOrDefault(subscriptionId));
        }
    }

    public ValueTask<bool> UpdateSubscriptionAsync(SubscriptionRecord subscription)
    {
        lock (_lock)
        {
            if (!_subscriptions.ContainsKey(subscription.SubscriptionId))
            {
                return ValueTask.FromResult(false);
            }

            _subscriptions[subscription.SubscriptionId] = subscription;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<SubscriptionRecord?> RemoveSubscriptionAsync(string subscriptionId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_subscriptions.Remove(subscriptionId, out var removed) ? removed : null);
        }
    }

    public ValueTask SetForceMuteAllAsync(string sessionId, bool active)
    {
        lock (_lock)
        {
            if (active && _connectionsBySession.ContainsKey(sessionId))
            {
                _mutedSessions.Add(sessionId);
            }
            else
            {
                _mutedSessions.Remove(sessionId);
            }

            return ValueTask.CompletedTask;
        }
    }

    public ValueTask<bool> IsForceMuteAllActiveAsync(string sessionId)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_mutedSessions.Contains(sessionId));
        }
    }

    public ValueTask AddPendingSignalAsync(string connectionId, SignalMessage signal, int maxQueued)
    {
        lock (_lock)
        {
            if (!_connections.ContainsKey(connectionId) || maxQueued <= 0)
            {
                return ValueTask.CompletedTask;
            }

            if (!_pendingSignals.TryGetValue(connectionId, out var queue))
            {
                _pendingSignals[connectionId] = queue = new Queue<SignalMessage>();
            }

            while (queue.Count >= maxQueued)
            {
                queue.Dequeue();
            }

            queue.Enqueue(signal);
            return ValueTask.CompletedTask;
        }
    }

    public ValueTask<IReadOnlyList<SignalMessage>> TakePendingSignalsAsync(string connectionId)
    {
        lock (_lock)
        {
            IReadOnlyList<SignalMessage> taken = _pendingSignals.Remove(connectionId, out var queue) ? queue.ToArray() : [];
            return ValueTask.FromResult(taken);
        }
    }

    private RemovedStream RemoveStreamLocked(StreamRecord stream)
    {
        _streams.Remove(stream.StreamId);
        RemoveFrom(_streamsBySession, stream.SessionId, stream.StreamId);
        var subscriptions = _subscriptions.Values.Where(s => s.StreamId == stream.StreamId).ToArray();
        foreach (var subscription in subscriptions)
        {
            _subscriptions.Remove(subscription.SubscriptionId);
        }

        return new RemovedStream(stream, subscriptions);
    }

    private static List<string> ListFor(Dictionary<string, List<string>> index, string key)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        return list;
    }

    private static void RemoveFrom(Dictionary<string, List<string>> index, string key, string id)
    {
        if (index.TryGetValue(key, out var list))
        {
            list.Remove(id);
            DropIfEmpty(index, key);
        }
    }

    private static void DropIfEmpty(Dictionary<string, List<string>> index, string key)
    {
        if (index.TryGetValue(key, out var list) && list.Count == 0)
        {
            index.Remove(key);
        }
    }
}
