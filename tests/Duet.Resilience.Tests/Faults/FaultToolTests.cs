using System.Net;
using System.Net.Sockets;
using System.Text;
using Duet.Testing;
using Duet.Testing.Faults;
using Duet.Testing.Processes;

namespace Duet.Resilience.Tests.Faults;

/// <summary>The fault injectors are only worth their tests if they really cut and really drop.</summary>
public class FaultToolTests
{
    [Fact]
    public async Task TcpProxyForwardsUntilCutThenRefusesUntilRestored()
    {
        await using var server = await DuetServerProcess.StartAsync();
        await using var proxy = new TcpFaultProxy(server.Port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(proxy.BaseUri, "/healthz");

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(health)).StatusCode);

        proxy.Cut();
        using (var cutClient = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            // The reset can reach HttpClient while it connects (SocketException) or while it reads (HttpRequestException).
            var refused = await Record.ExceptionAsync(() => cutClient.GetAsync(health));
            Assert.True(refused is HttpRequestException or SocketException, $"expected the cut to fail the request, got {refused?.GetType().Name ?? "a response"}");
        }

        proxy.Restore();
        using var restored = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal(HttpStatusCode.OK, (await restored.GetAsync(health)).StatusCode);
        Assert.True(proxy.ConnectionsForwarded >= 2);
    }

    [Fact]
    public async Task TcpProxyCutResetsAnOpenConnection()
    {
        await using var server = await DuetServerProcess.StartAsync();
        await using var proxy = new TcpFaultProxy(server.Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        proxy.Cut();

        var closed = false;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            closed = await stream.ReadAsync(buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            closed = true;
        }

        Assert.True(closed);
    }

    [Fact]
    public async Task UdpRelayDropsAboutTheConfiguredShareOfDatagrams()
    {
        using var echo = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var echoPort = ((IPEndPoint)echo.Client.LocalEndPoint!).Port;
        using var stopEcho = new CancellationTokenSource();
        var echoLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var r = await echo.ReceiveAsync(stopEcho.Token);
                    await echo.SendAsync(r.Buffer, r.RemoteEndPoint, stopEcho.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        await using var relay = new UdpLossyRelay(echoPort) { LossRatio = 0.15 };
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var received = 0;
        const int sent = 2000;
        var receiving = Task.Run(async () =>
        {
            using var window = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                while (received < sent)
                {
                    await client.ReceiveAsync(window.Token);
                    received++;
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        for (var i = 0; i < sent; i++)
        {
            await client.SendAsync(BitConverter.GetBytes(i), new IPEndPoint(IPAddress.Loopback, relay.Port));
            if (i % 50 == 0)
            {
                await Task.Delay(5); // let the loops keep up; loss must come from the relay, not from buffers
            }
        }

        await receiving;
        await stopEcho.CancelAsync();
        await echoLoop;

        // Each datagram crosses the relay twice: ~0.85² ≈ 72 % should come back.
        var share = received / (double)sent;
        Assert.InRange(share, 0.62, 0.82);
    }

    [Fact]
    public async Task UdpRelayWithFullLossCutsThePath()
    {
        using var target = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var relay = new UdpLossyRelay(((IPEndPoint)target.Client.LocalEndPoint!).Port) { LossRatio = 1 };
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(new byte[] { 1 }, new IPEndPoint(IPAddress.Loopback, relay.Port));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await target.ReceiveAsync(timeout.Token));
        Assert.Equal(20, relay.Dropped);
    }

    [Fact]
    public async Task CoturnStartsAndListensOnLoopback()
    {
        await using var coturn = await TurnServerProcess.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, coturn.Port);
        Assert.True(client.Connected);
        Assert.Contains("Relay address to use: 127.0.0.1", coturn.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisStartsAndAnswersPing()
    {
        await using var redis = await RedisProcess.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, redis.Port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[64];
        var n = await stream.ReadAsync(buffer);
        Assert.Equal("+PONG\r\n", Encoding.ASCII.GetString(buffer, 0, n));
    }
}
