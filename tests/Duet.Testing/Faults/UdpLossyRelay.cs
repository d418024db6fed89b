using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Duet.Testing.Faults;

/// <summary>
/// A UDP relay on 127.0.0.1 placed in front of a TURN server, so a test controls the media path without
/// touching the browser: it can drop a fraction of the datagrams (loss) or all of them (a cut).
/// Each client address gets its own upstream socket, so the TURN server sees distinct clients.
/// </summary>
public sealed class UdpLossyRelay : IAsyncDisposable
{
    private readonly UdpClient _front;
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<IPEndPoint, UdpClient> _upstreams = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _frontLoop;
    private readonly List<Task> _backLoops = [];
    private readonly Lock _randomGate = new();
    private readonly Random _random = new(12345);
    private double _lossRatio;
    private long _forwarded;
    private long _dropped;

    public UdpLossyRelay(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _front = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        _frontLoop = Task.Run(FrontLoopAsync);
    }

    public int Port => ((IPEndPoint)_front.Client.LocalEndPoint!).Port;

    /// <summary>Fraction of datagrams dropped in each direction: 0 passes everything, 1 cuts the path.</summary>
    public double LossRatio
    {
        get => Volatile.Read(ref _lossRatio);
        set => Volatile.Write(ref _lossRatio, Math.Clamp(value, 0, 1));
    }

    public long Forwarded => Interlocked.Read(ref _forwarded);

    public long Dropped => Interlocked.Read(ref _dropped);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _front.Dispose();
        foreach (var upstream in _upstreams.Values)
        {
            upstream.Dispose();
        }

        try
        {
            await Task.WhenAll([_frontLoop, .. _backLoops]);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private bool Drop()
    {
        var ratio = LossRatio;
        var drop = false;
        if (ratio > 0)
        {
            lock (_randomGate)
            {
                drop = ratio >= 1 || _random.NextDouble() < ratio;
            }
        }

        if (drop)
        {
            Interlocked.Increment(ref _dropped);
        }
        else
        {
            Interlocked.Increment(ref _forwarded);
        }

        return drop;
    }

    private async Task FrontLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _front.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // ICMP port unreachable from an earlier send; keep relaying.
            }

            var upstream = _upstreams.GetOrAdd(received.RemoteEndPoint, client =>
            {
                var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                lock (_backLoops)
                {
                    _backLoops.Add(Task.Run(() => BackLoopAsync(socket, client)));
                }

                return socket;
            });
            if (!Drop())
            {
                await upstream.SendAsync(received.Buffer, _target, _stop.Token);
            }
        }
    }

    private async Task BackLoopAsync(UdpClient upstream, IPEndPoint client)
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await upstream.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (!Drop())
            {
                try
                {
                    await _front.SendAsync(received.Buffer, client, _stop.Token);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                }
            }
        }
    }
}
