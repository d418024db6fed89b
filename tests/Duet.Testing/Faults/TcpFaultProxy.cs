using System.Net;
using System.Net.Sockets;

namespace Duet.Testing.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 between a client and the server that a test can break, because browser "offline"
/// emulation does not reliably drop WebSockets. <see cref="Cut"/> resets every open connection and refuses new
/// ones until <see cref="Restore"/> (a lost network); <see cref="Freeze"/> keeps every socket open but forwards
/// nothing (a dead path that only heartbeats can detect).
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TcpClient Client, TcpClient Upstream)> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;
    private volatile bool _cut;
    private volatile bool _frozen;

    public TcpFaultProxy(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    /// <summary>How many connections were accepted while not cut (for asserting the browser really used the proxy).</summary>
    public int ConnectionsForwarded { get; private set; }

    public bool IsCut => _cut;

    public void Cut()
    {
        _cut = true;
        lock (_gate)
        {
            foreach (var (client, upstream) in _open)
            {
                Reset(client);
                Reset(upstream);
            }

            _open.Clear();
        }
    }

    public void Restore() => _cut = false;

    /// <summary>From now on bytes in either direction are swallowed; neither end sees a close.</summary>
    public void Freeze() => _frozen = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                Reset(client);
                continue;
            }

            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Reset(client);
            upstream.Dispose();
            return;
        }

        lock (_gate)
        {
            if (_cut)
            {
                Reset(client);
                Reset(upstream);
                return;
            }

            _open.Add((client, upstream));
            ConnectionsForwarded++;
        }

        try
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var a = Pump(client.GetStream(), upstream.GetStream(), both.Token);
            var b = Pump(upstream.GetStream(), client.GetStream(), both.Token);
            await Task.WhenAny(a, b);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove((client, upstream));
            }

            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancel)) > 0)
            {
                if (!_frozen)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
    }

    /// <summary>Closes with RST rather than FIN, as a network failure looks to the peer.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
