using System.Security.Cryptography;
using Duet.Server.Signaling.Resumption;
using Duet.Storage.Redis;
using StackExchange.Redis;

namespace Duet.Server.Scaling;

/// <summary>
/// The resume signing key and the ended-connection list in Redis, so a secret issued by one node works on every node
/// and a connection that ended on one node is refused on all of them. Ended entries expire with their secrets.
/// </summary>
public sealed class RedisResumptionStore(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time) : IEndedConnections, IServerKeyStore
{
    public byte[] GetOrCreate(string name, int length)
    {
        var db = redis.GetDatabase();
        var key = (RedisKey)(keys.Prefix + "server-key:" + name);
        // Nodes racing on first start all end up with the first one's key.
        db.StringSet(key, RandomNumberGenerator.GetBytes(length), when: When.NotExists);
        return (byte[])db.StringGet(key)!;
    }

    public async ValueTask AddAsync(string connectionId, DateTimeOffset secretExpiresAt)
    {
        var left = secretExpiresAt - time.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            await redis.GetDatabase().StringSetAsync(keys.Prefix + "ended:" + connectionId, "1", left);
        }
    }

    public async ValueTask<bool> ContainsAsync(string connectionId) =>
        await redis.GetDatabase().KeyExistsAsync(keys.Prefix + "ended:" + connectionId);
}
