namespace Duet.Server.Scaling;

/// <summary>
/// The Lua scripts of <see cref="RedisSessionState"/>: each runs atomically on the Redis server, so every state method
/// is one indivisible step, as in the in-memory store. ARGV[1] is always the key prefix.
/// Keys (after the prefix): <c>conn:{id}</c> hash (json, session, socket, epoch) · <c>socket:{socketId}</c> → connection id ·
/// <c>session-connections:{sessionId}</c> and <c>session-streams:{sessionId}</c> lists, oldest first · <c>stream:{id}</c> hash
/// (json, session, connection) · <c>connection-streams:{id}</c> set · <c>sub:{id}</c> hash (json, stream, publisher,
/// subscriber, seq) · <c>stream-subs:{id}</c>, <c>connection-subs:{id}</c> (either end), <c>subscriber-subs:{id}</c> sets ·
/// <c>signals:{id}</c> list · <c>mute-all:{sessionId}</c>. Keys are built inside the scripts, so this needs one Redis
/// (with replicas if wanted), not Redis Cluster.
/// </summary>
internal static class SessionStateScripts
{
    private const string Helpers = """
        local p = ARGV[1]
        local function conn(id)
          local k = p .. 'conn:' .. id
          if redis.call('EXISTS', k) == 0 then return false end
          return redis.call('HMGET', k, 'json', 'socket', 'epoch')
        end
        local function removeSub(id)
          local k = p .. 'sub:' .. id
          local f = redis.call('HMGET', k, 'json', 'stream', 'publisher', 'subscriber')
          if not f[1] then return false end
          redis.call('DEL', k)
          redis.call('SREM', p .. 'stream-subs:' .. f[2], id)
          redis.call('SREM', p .. 'connection-subs:' .. f[3], id)
          redis.call('SREM', p .. 'connection-subs:' .. f[4], id)
          redis.call('SREM', p .. 'subscriber-subs:' .. f[4], id)
          return f[1]
        end
        -- Sets have no order; subscriptions carry a creation sequence so removals report them oldest first.
        local function bySeq(ids)
          local seq = {}
          for _, id in ipairs(ids) do seq[id] = tonumber(redis.call('HGET', p .. 'sub:' .. id, 'seq') or '0') end
          table.sort(ids, function(a, b) return seq[a] < seq[b] end)
          return ids
        end
        local function removeStream(id)
          local k = p .. 'stream:' .. id
          local f = redis.call('HMGET', k, 'json', 'session', 'connection')
          if not f[1] then return false end
          redis.call('DEL', k)
          redis.call('LREM', p .. 'session-streams:' .. f[2], 0, id)
          redis.call('SREM', p .. 'connection-streams:' .. f[3], id)
          local subs = {}
          for _, sid in ipairs(bySeq(redis.call('SMEMBERS', p .. 'stream-subs:' .. id))) do
            local j = removeSub(sid)
            if j then table.insert(subs, j) end
          end
          redis.call('DEL', p .. 'stream-subs:' .. id)
          return {f[1], subs}
        end

        """;

    /// <summary>ARGV: prefix, connection id, session id, socket id or "", epoch, json, max connections → 1 added, 0 full.</summary>
    public const string AddConnection = Helpers + """
        local list = p .. 'session-connections:' .. ARGV[3]
        if redis.call('LLEN', list) >= tonumber(ARGV[7]) then return 0 end
        redis.call('RPUSH', list, ARGV[2])
        redis.call('HSET', p .. 'conn:' .. ARGV[2], 'json', ARGV[6], 'session', ARGV[3], 'socket', ARGV[4], 'epoch', ARGV[5])
        if ARGV[4] ~= '' then redis.call('SET', p .. 'socket:' .. ARGV[4], ARGV[2]) end
        return 1
        """;

    /// <summary>ARGV: prefix, connection id → {json, socket, epoch} or nil.</summary>
    public const string FindConnection = Helpers + "return conn(ARGV[2])";

    /// <summary>ARGV: prefix, socket id → {json, socket, epoch} or nil.</summary>
    public const string FindConnectionBySocket = Helpers + """
        local id = redis.call('GET', p .. 'socket:' .. ARGV[2])
        if not id then return false end
        return conn(id)
        """;

    /// <summary>ARGV: prefix, session id → [{json, socket, epoch}], oldest first.</summary>
    public const string ListConnections = Helpers + """
        local out = {}
        for _, id in ipairs(redis.call('LRANGE', p .. 'session-connections:' .. ARGV[2], 0, -1)) do
          local c = conn(id)
          if c then table.insert(out, c) end
        end
        return out
        """;

    /// <summary>ARGV: prefix, connection id, socket id → the bound {json, socket, epoch} or nil.</summary>
    public const string BindSocket = Helpers + """
        local k = p .. 'conn:' .. ARGV[2]
        if redis.call('EXISTS', k) == 0 then return false end
        local old = redis.call('HGET', k, 'socket')
        if old ~= '' then redis.call('DEL', p .. 'socket:' .. old) end
        redis.call('HSET', k, 'socket', ARGV[3])
        redis.call('HINCRBY', k, 'epoch', 1)
        redis.call('SET', p .. 'socket:' .. ARGV[3], ARGV[2])
        return conn(ARGV[2])
        """;

    /// <summary>ARGV: prefix, connection id, socket id → the unbound {json, socket, epoch}, or nil unless bound to that socket.</summary>
    public const string UnbindSocket = Helpers + """
        local k = p .. 'conn:' .. ARGV[2]
        if redis.call('EXISTS', k) == 0 or redis.call('HGET', k, 'socket') ~= ARGV[3] then return false end
        redis.call('DEL', p .. 'socket:' .. ARGV[3])
        redis.call('HSET', k, 'socket', '')
        redis.call('HINCRBY', k, 'epoch', 1)
        return conn(ARGV[2])
        """;

    /// <summary>ARGV: prefix, connection id → {{json, socket, epoch}, [stream json], [subscription json]} or nil.</summary>
    public const string RemoveConnection = Helpers + """
        local id = ARGV[2]
        local k = p .. 'conn:' .. id
        local c = conn(id)
        if not c then return false end
        local session = redis.call('HGET', k, 'session')
        if c[2] ~= '' then redis.call('DEL', p .. 'socket:' .. c[2]) end
        redis.call('DEL', k)
        local list = p .. 'session-connections:' .. session
        redis.call('LREM', list, 0, id)
        if redis.call('EXISTS', list) == 0 then redis.call('DEL', p .. 'mute-all:' .. session) end
        redis.call('DEL', p .. 'signals:' .. id)
        local streams, subs = {}, {}
        for _, sid in ipairs(redis.call('LRANGE', p .. 'session-streams:' .. session, 0, -1)) do
          if redis.call('HGET', p .. 'stream:' .. sid, 'connection') == id then
            local r = removeStream(sid)
            table.insert(streams, r[1])
            for _, j in ipairs(r[2]) do table.insert(subs, j) end
          end
        end
        for _, sid in ipairs(bySeq(redis.call('SMEMBERS', p .. 'connection-subs:' .. id))) do
          local j = removeSub(sid)
          if j then table.insert(subs, j) end
        end
        redis.call('DEL', p .. 'connection-streams:' .. id, p .. 'connection-subs:' .. id, p .. 'subscriber-subs:' .. id)
        return {c, streams, subs}
        """;

    /// <summary>ARGV: prefix, stream id, session id, connection id, json, max per connection → 0 added, 1 limit, 2 owner missing.</summary>
    public const string AddStream = Helpers + """
        if redis.call('EXISTS', p .. 'conn:' .. ARGV[4]) == 0 then return 2 end
        if redis.call('SCARD', p .. 'connection-streams:' .. ARGV[4]) >= tonumber(ARGV[6]) then return 1 end
        redis.call('HSET', p .. 'stream:' .. ARGV[2], 'json', ARGV[5], 'session', ARGV[3], 'connection', ARGV[4])
        redis.call('RPUSH', p .. 'session-streams:' .. ARGV[3], ARGV[2])
        redis.call('SADD', p .. 'connection-streams:' .. ARGV[4], ARGV[2])
        return 0
        """;

    /// <summary>ARGV: prefix, session id → [stream json], oldest first.</summary>
    public const string ListStreams = Helpers + """
        local out = {}
        for _, id in ipairs(redis.call('LRANGE', p .. 'session-streams:' .. ARGV[2], 0, -1)) do
          local j = redis.call('HGET', p .. 'stream:' .. id, 'json')
          if j then table.insert(out, j) end
        end
        return out
        """;

    /// <summary>ARGV: prefix, record key (after the prefix), json → 1 replaced, 0 gone.</summary>
    public const string ReplaceJson = Helpers + """
        local k = p .. ARGV[2]
        if redis.call('EXISTS', k) == 0 then return 0 end
        redis.call('HSET', k, 'json', ARGV[3])
        return 1
        """;

    /// <summary>ARGV: prefix, stream id → {stream json, [subscription json]} or nil.</summary>
    public const string RemoveStream = Helpers + "return removeStream(ARGV[2])";

    /// <summary>ARGV: prefix, subscription id, stream id, publisher, subscriber, json, max per subscriber → 0 added, 1 limit, 2 owner missing.</summary>
    public const string AddSubscription = Helpers + """
        if redis.call('EXISTS', p .. 'stream:' .. ARGV[3]) == 0 or redis.call('EXISTS', p .. 'conn:' .. ARGV[5]) == 0 then return 2 end
        if redis.call('SCARD', p .. 'subscriber-subs:' .. ARGV[5]) >= tonumber(ARGV[7]) then return 1 end
        local seq = redis.call('INCR', p .. 'subscription-seq')
        redis.call('HSET', p .. 'sub:' .. ARGV[2], 'json', ARGV[6], 'stream', ARGV[3], 'publisher', ARGV[4], 'subscriber', ARGV[5], 'seq', seq)
        redis.call('SADD', p .. 'stream-subs:' .. ARGV[3], ARGV[2])
        redis.call('SADD', p .. 'connection-subs:' .. ARGV[4], ARGV[2])
        redis.call('SADD', p .. 'connection-subs:' .. ARGV[5], ARGV[2])
        redis.call('SADD', p .. 'subscriber-subs:' .. ARGV[5], ARGV[2])
        return 0
        """;

    /// <summary>ARGV: prefix, subscription id → its json or nil.</summary>
    public const string RemoveSubscription = Helpers + "return removeSub(ARGV[2])";

    /// <summary>ARGV: prefix, session id, "1" to activate; only a session with connections can be muted.</summary>
    public const string SetForceMuteAll = Helpers + """
        local k = p .. 'mute-all:' .. ARGV[2]
        if ARGV[3] == '1' and redis.call('EXISTS', p .. 'session-connections:' .. ARGV[2]) == 1 then
          redis.call('SET', k, '1')
        else
          redis.call('DEL', k)
        end
        return 0
        """;

    /// <summary>ARGV: prefix, connection id, signal json, max queued; kept only for a connection that exists.</summary>
    public const string AddPendingSignal = Helpers + """
        local max = tonumber(ARGV[4])
        if max <= 0 or redis.call('EXISTS', p .. 'conn:' .. ARGV[2]) == 0 then return 0 end
        local k = p .. 'signals:' .. ARGV[2]
        redis.call('RPUSH', k, ARGV[3])
        redis.call('LTRIM', k, -max, -1)
        return 0
        """;

    /// <summary>ARGV: prefix, connection id → [signal json], oldest first; the queue is gone afterwards.</summary>
    public const string TakePendingSignals = Helpers + """
        local k = p .. 'signals:' .. ARGV[2]
        local out = redis.call('LRANGE', k, 0, -1)
        redis.call('DEL', k)
        return out
        """;
}
