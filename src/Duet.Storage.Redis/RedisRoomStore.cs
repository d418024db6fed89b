using Duet.Core.Sessions;
using Duet.Core.Storage;
using StackExchange.Redis;

namespace Duet.Storage.Redis;

/// <summary>Rooms in Redis, each pointing at its session: the first node to ask for a room makes its session, every other node gets that one.</summary>
public sealed class RedisRoomStore(IConnectionMultiplexer redis, RedisKeys keys) : IRoomStore
{
    // Stores the candidate session and the room only if the room is new; either way answers the room's session.
    private const string GetOrCreateScript = """
        local existing = redis.call('GET', KEYS[1])
        if existing then
          return redis.call('GET', ARGV[1] .. existing)
        end
        redis.call('SET', KEYS[2], ARGV[3])
        redis.call('SET', KEYS[1], ARGV[2])
        return ARGV[3]
        """;

    public async Task<Session> GetOrCreateSessionAsync(string roomName, Func<Session> newSession, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var known = await db.StringGetAsync(keys.Room(roomName));
        if (!known.IsNullOrEmpty && await db.StringGetAsync(keys.Session(known.ToString())) is { IsNullOrEmpty: false } stored)
        {
            return SessionJson.Read(stored.ToString());
        }

        var candidate = newSession();
        var result = await db.ScriptEvaluateAsync(GetOrCreateScript,
            [keys.Room(roomName), keys.Session(candidate.Id)],
            [keys.Session(""), candidate.Id, SessionJson.Write(candidate)]);
        return result.IsNull
            ? throw new InvalidDataException($"Room '{roomName}' points at a missing session.")
            : SessionJson.Read(result.ToString()!);
    }
}
