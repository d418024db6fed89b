using Duet.Core.Sessions;
using Duet.Core.Storage;
using StackExchange.Redis;

namespace Duet.Storage.Redis;

/// <summary>Sessions as JSON strings in Redis, without expiry (OpenTok sessions do not expire), seen by every node.</summary>
public sealed class RedisSessionStore(IConnectionMultiplexer redis, RedisKeys keys) : ISessionStore
{
    public async Task<Session?> FindAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var json = await redis.GetDatabase().StringGetAsync(keys.Session(sessionId));
        return json.IsNullOrEmpty ? null : SessionJson.Read(json.ToString());
    }

    public Task AddAsync(Session session, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().StringSetAsync(keys.Session(session.Id), SessionJson.Write(session));
}
