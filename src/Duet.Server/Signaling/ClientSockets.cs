using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Duet.Server.Signaling;

/// <summary>
/// The sockets open on this node, each with a bounded outbound queue written by one pump, so messages reach a
/// client in the order the server produced them and a slow client never blocks a session: one that falls
/// <see cref="LimitsOptions.MaxOutboundQueue"/> behind is disconnected (and may resume).
/// </summary>
public sealed class ClientSockets(
    IHubContext<SignalingHub, ISignalingClient> hub,
    ICluster cluster,
    IOptionsMonitor<LimitsOptions> limits,
    TimeProvider time,
    ILogger<ClientSockets> logger)
{
    private readonly ConcurrentDictionary<string, Socket> _sockets = new(StringComparer.Ordinal);

    public void Register(HubCallerContext context)
    {
        var queue = Channel.CreateBounded<Func<ISignalingClient, Task>>(new BoundedChannelOptions(Math.Max(1, limits.CurrentValue.MaxOutboundQueue))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var socket = new Socket(context, queue);
        _sockets[context.ConnectionId] = socket;
        cluster.SocketOpened(context.ConnectionId);
        _ = PumpAsync(context.ConnectionId, queue.Reader);
    }

    /// <summary>
    /// The socket has closed and its close is being handled: from now on <see cref="IsOpen"/> is false, so a Connect
    /// or Resume still in flight on it knows that the close handling may have missed the connection it binds.
    /// </summary>
    public void MarkClosing(string socketId)
    {
        if (_sockets.TryGetValue(socketId, out var socket))
        {
            socket.Closing = true;
        }
    }

    /// <summary>True while the socket is open on this node and its close has not begun.</summary>
    public bool IsOpen(string socketId) => _sockets.TryGetValue(socketId, out var socket) && !socket.Closing;

    public void Unregister(string socketId)
    {
        if (_sockets.TryRemove(socketId, out var socket))
        {
            socket.Queue.Writer.TryComplete();
            cluster.SocketClosed(socketId);
        }
    }

    /// <summary>
    /// Queues a message for the socket. A socket that is not open on this node is handed straight to SignalR, which
    /// drops it when the socket is gone, or (with a scale-out backplane) delivers it to the node that holds it.
    /// </summary>
    public void Post(string? socketId, Func<ISignalingClient, Task> send)
    {
        if (socketId is null)
        {
            return;
        }

        if (!_sockets.TryGetValue(socketId, out var socket))
        {
            _ = SendDirectAsync(socketId, send);
            return;
        }

        if (!socket.Queue.Writer.TryWrite(send))
        {
            logger.LogWarning("Socket {SocketId} fell {Count} messages behind; closing it", socketId, limits.CurrentValue.MaxOutboundQueue);
            socket.Context.Abort();
        }
    }

    /// <summary>
    /// Closes the socket after <paramref name="delay"/>, giving the messages already queued time to arrive; a socket
    /// that is not open on this node is closed by the node that holds it, if any.
    /// </summary>
    public void CloseLater(string socketId, TimeSpan delay)
    {
        if (!CloseHereLater(socketId, delay))
        {
            cluster.CloseRemoteSocket(socketId, delay);
        }
    }

    /// <summary>As <see cref="CloseLater"/> for a socket open on this node; false if it is not.</summary>
    public bool CloseHereLater(string socketId, TimeSpan delay)
    {
        if (!_sockets.TryGetValue(socketId, out var socket))
        {
            return false;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            socket.Context.Abort();
            timer?.Dispose();
        }, null, delay, Timeout.InfiniteTimeSpan);
        return true;
    }

    private async Task PumpAsync(string socketId, ChannelReader<Func<ISignalingClient, Task>> reader)
    {
        var client = hub.Clients.Client(socketId);
        await foreach (var send in reader.ReadAllAsync())
        {
            try
            {
                await send(client);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Sending to socket {SocketId} failed", socketId);
            }
        }
    }

    private async Task SendDirectAsync(string socketId, Func<ISignalingClient, Task> send)
    {
        try
        {
            await send(hub.Clients.Client(socketId));
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Sending to socket {SocketId} failed", socketId);
        }
    }

    private sealed record Socket(HubCallerContext Context, Channel<Func<ISignalingClient, Task>> Queue)
    {
        private volatile bool _closing;

        public bool Closing
        {
            get => _closing;
            set => _closing = value;
        }
    }
}
