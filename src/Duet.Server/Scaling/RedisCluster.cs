using Duet.Server.Signaling;
using Duet.Storage.Redis;
using StackExchange.Redis;

namespace Duet.Server.Scaling;

/// <summary>
/// This node among the nodes sharing one Redis. It keeps, under its own id, the sockets it holds and the grace
/// periods it times (sets <c>node-sockets:{id}</c>, <c>node-graces:{id}</c>), beats a heartbeat key
/// (<c>node:{id}</c>, expiring after <see cref="RedisOptions.NodeTimeout"/>), and closes other nodes' sockets by
/// publishing on <see cref="CloseSocketChannel"/>. <see cref="ClusterHeartbeat"/> runs the beats and the take-overs.
/// Records are sent fire-and-forget: they are in order on the one connection, and a lost one costs at most a
/// connection that ends by its grace period rather than by take-over.
/// </summary>
public sealed class RedisCluster(IConnectionMultiplexer redis, RedisKeys keys) : ICluster
{
    // Hands a dead node's holdings to the caller exactly once: the first survivor to ask gets them, later ones nothing.
    private const string ClaimScript = """
        local p = ARGV[1]
        if redis.call('EXISTS', p .. 'node:' .. ARGV[2]) == 1 then return false end
        local sockets = redis.call('SMEMBERS', p .. 'node-sockets:' .. ARGV[2])
        local graces = redis.call('SMEMBERS', p .. 'node-graces:' .. ARGV[2])
        redis.call('DEL', p .. 'node-sockets:' .. ARGV[2], p .. 'node-graces:' .. ARGV[2])
        redis.call('SREM', p .. 'nodes', ARGV[2])
        return {sockets, graces}
        """;

    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public RedisChannel CloseSocketChannel => RedisChannel.Literal(keys.Prefix + "close-socket");

    private IDatabase Db => redis.GetDatabase();

    public void SocketOpened(string socketId) => Db.SetAdd(Key("node-sockets:"), socketId, CommandFlags.FireAndForget);

    public void SocketClosed(string socketId) => Db.SetRemove(Key("node-sockets:"), socketId, CommandFlags.FireAndForget);

    public void GraceStarted(string connectionId) => Db.SetAdd(Key("node-graces:"), connectionId, CommandFlags.FireAndForget);

    public void GraceEnded(string connectionId) => Db.SetRemove(Key("node-graces:"), connectionId, CommandFlags.FireAndForget);

    public void CloseRemoteSocket(string socketId, TimeSpan delay) =>
        redis.GetSubscriber().Publish(CloseSocketChannel, CloseSocketCommand.Write(socketId, delay), CommandFlags.FireAndForget);

    /// <summary>Says "this node is alive" for one more <paramref name="timeout"/>.</summary>
    public async Task BeatAsync(TimeSpan timeout)
    {
        await Db.StringSetAsync(Key("node:"), "1", timeout);
        await Db.SetAddAsync(keys.Prefix + "nodes", NodeId);
    }

    /// <summary>The other nodes that ever beat and were not taken over yet.</summary>
    public async Task<IReadOnlyList<string>> OtherNodesAsync() =>
        (await Db.SetMembersAsync(keys.Prefix + "nodes")).Select(v => v.ToString()).Where(id => id != NodeId).ToArray();

    /// <summary>The sockets and grace periods of <paramref name="nodeId"/> if its heartbeat ran out and nobody took them yet; else null.</summary>
    public async Task<(string[] Sockets, string[] Graces)?> ClaimIfDeadAsync(string nodeId)
    {
        var result = await Db.ScriptEvaluateAsync(ClaimScript, values: [keys.Prefix, nodeId]);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        return ((string[])parts[0]!, (string[])parts[1]!);
    }

    private RedisKey Key(string kind) => keys.Prefix + kind + NodeId;
}
