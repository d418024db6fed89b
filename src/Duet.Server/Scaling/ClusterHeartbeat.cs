using Duet.Server.Signaling;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Duet.Server.Scaling;

/// <summary>
/// Keeps this node alive in the cluster and takes over from dead ones: every heartbeat interval it renews its own
/// key, then claims the holdings of any node whose key ran out. A dead node's sockets are handled as dropped (the
/// others see <c>connectionReconnecting</c> and the grace period starts here, so its clients can resume on any node);
/// the grace periods it was timing start again here. It also closes this node's sockets when another node asks.
/// </summary>
public sealed class ClusterHeartbeat(
    RedisCluster cluster,
    IConnectionMultiplexer redis,
    ClientSockets sockets,
    SessionCoordinator coordinator,
    IOptions<RedisOptions> options,
    ILogger<ClusterHeartbeat> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await cluster.BeatAsync(options.Value.NodeTimeout);
        var close = await redis.GetSubscriber().SubscribeAsync(cluster.CloseSocketChannel);
        close.OnMessage(message =>
        {
            if (CloseSocketCommand.TryRead(message.Message.ToString(), out var socketId, out var delay))
            {
                sockets.CloseHereLater(socketId, delay);
            }
        });
        logger.LogInformation("Cluster: node {NodeId} joined through Redis", cluster.NodeId);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var beat = new PeriodicTimer(options.Value.HeartbeatInterval);
        while (await beat.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cluster.BeatAsync(options.Value.NodeTimeout);
                await TakeOverDeadNodesAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Cluster heartbeat failed; retrying");
            }
        }
    }

    private async Task TakeOverDeadNodesAsync()
    {
        foreach (var nodeId in await cluster.OtherNodesAsync())
        {
            if (await cluster.ClaimIfDeadAsync(nodeId) is not { } holdings)
            {
                continue;
            }

            logger.LogWarning("Cluster: node {NodeId} stopped beating; taking over {Sockets} sockets and {Graces} grace periods",
                nodeId, holdings.Sockets.Length, holdings.Graces.Length);
            foreach (var socketId in holdings.Sockets)
            {
                await TakeOverAsync(() => coordinator.HandleSocketClosedAsync(socketId));
            }

            foreach (var connectionId in holdings.Graces)
            {
                await TakeOverAsync(() => coordinator.AdoptGraceAsync(connectionId));
            }
        }
    }

    /// <summary>One failed take-over must not stop the others (nor the heartbeat).</summary>
    private async Task TakeOverAsync(Func<Task> takeOver)
    {
        try
        {
            await takeOver();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Cluster: taking over from a dead node failed");
        }
    }
}
