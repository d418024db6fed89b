using Duet.Scaling.Tests.Infrastructure;
using Duet.Server.Scaling;
using Duet.Server.Signaling.State;
using Duet.Storage.Redis;

namespace Duet.Scaling.Tests.State;

/// <summary>
/// The Redis store against the same contract, on a real redis-server; each test uses its own key prefix, and the
/// second view goes through a second connection, as another node would.
/// </summary>
public sealed class RedisSessionStateTests(RedisServer redis) : SessionStateContract, IClassFixture<RedisServer>
{
    private readonly RedisKeys _keys = new("test:" + Guid.NewGuid().ToString("N") + ":");

    protected override ISessionState State => new RedisSessionState(redis.First, _keys);

    protected override ISessionState SecondView => new RedisSessionState(redis.Second, _keys);
}
