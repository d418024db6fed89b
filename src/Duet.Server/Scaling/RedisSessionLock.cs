using System.Security.Cryptography;
using Duet.Server.Signaling;
using Duet.Storage.Redis;
using StackExchange.Redis;

namespace Duet.Server.Scaling;

/// <summary>
/// The <see cref="ISessionLock"/> that holds across nodes: the in-process gate first (so one node's callers queue
/// locally instead of polling Redis), then a Redis key set with NX and a lease, carrying a random token so only the
/// holder can release it. A node that dies while holding it delays the session by at most one lease.
/// </summary>
public sealed class RedisSessionLock(IConnectionMultiplexer redis, RedisKeys keys, SessionGate local, ILogger<RedisSessionLock> logger) : ISessionLock
{
    /// <summary>Longer than any compound change (a handful of Redis round trips), short enough that a dead holder is not felt for long.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    /// <summary>Beyond this the caller gets an exception (the hub answers 2000) rather than waiting forever.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);

    // Deletes the key only if it still holds our token: after a lease ran out, someone else's lock stays.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    public async ValueTask<IAsyncDisposable> EnterAsync(string sessionId)
    {
        var inProcess = await local.EnterAsync(sessionId);
        try
        {
            var key = (RedisKey)(keys.Prefix + "lock:" + sessionId);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var db = redis.GetDatabase();
            var backoff = TimeSpan.FromMilliseconds(1);
            var deadline = DateTime.UtcNow + GiveUpAfter;
            while (!await db.StringSetAsync(key, token, Lease, When.NotExists))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The lock of session {sessionId} was not free within {GiveUpAfter.TotalSeconds} s.");
                }

                await Task.Delay(backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 3)));
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            return new Holder(db, key, token, inProcess, logger);
        }
        catch
        {
            await inProcess.DisposeAsync();
            throw;
        }
    }

    private sealed class Holder(IDatabase db, RedisKey key, string token, IAsyncDisposable inProcess, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (RedisException e)
            {
                // The lease ends it anyway; the next holder waits at most that long.
                logger.LogWarning(e, "Releasing {Key} failed", key);
            }
            finally
            {
                await inProcess.DisposeAsync();
            }
        }
    }
}
