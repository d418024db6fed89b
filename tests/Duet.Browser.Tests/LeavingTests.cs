using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 6: unpublish, disconnect and a closed page reach the peer with the right events and reasons.</summary>
public sealed class LeavingTests(ShortGraceServer server) : IClassFixture<ShortGraceServer>
{
    [Fact]
    public async Task UnpublishThenDisconnectReachThePeerWithinOneSecond()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");
        var aliceConnection = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");

        // "Within 1 s" is measured with the browsers' clock (one machine, one clock), not Playwright's round trips.
        var unpublishedAt = await call.Alice.EvalAsync<double>("Date.now()");
        await call.Alice.EvalAsync("H.session.unpublish(H.publisher)");
        var destroyed = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{aliceStream}'");
        Assert.InRange(destroyed.GetProperty("t").GetDouble() - unpublishedAt, 0, 1000);
        Assert.Equal("clientDisconnected", destroyed.GetProperty("reason").GetString());
        await call.Bob.WaitForEventAsync("subscriber", "destroyed");
        Assert.Equal(0, await call.Bob.EvalAsync<int>("document.querySelectorAll('#subs .OT_subscriber').length"));
        // The publisher's own side: Publisher streamDestroyed and its widget removed by default.
        await call.Alice.WaitForEventAsync("publisher", "streamDestroyed");
        Assert.Equal(0, await call.Alice.EvalAsync<int>("document.querySelectorAll('#pub .OT_publisher').length"));

        var disconnectedAt = await call.Alice.EvalAsync<double>("Date.now()");
        await call.Alice.EvalAsync("H.session.disconnect()");
        var gone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed", $"e.connectionId === '{aliceConnection}'");
        Assert.Equal("clientDisconnected", gone.GetProperty("reason").GetString());
        Assert.InRange(gone.GetProperty("t").GetDouble() - disconnectedAt, 0, 1000);
        var own = await call.Alice.WaitForEventAsync("session", "sessionDisconnected");
        Assert.Equal("clientDisconnected", own.GetProperty("reason").GetString());
        Assert.Equal(0, await call.Alice.EvalAsync<int>("document.querySelectorAll('.OT_subscriber').length"));
        Assert.Equal(1, await call.Bob.EvalAsync<int>("H.session.connections.length()"));
    }

    [Fact]
    public async Task DisconnectWhilePublishingDestroysTheStreamAtThePeer()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        var leftAt = await call.Alice.EvalAsync<double>("Date.now()");
        await call.Alice.EvalAsync("H.session.disconnect()");
        var destroyed = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{aliceStream}'");
        Assert.Equal("clientDisconnected", destroyed.GetProperty("reason").GetString());
        Assert.InRange(destroyed.GetProperty("t").GetDouble() - leftAt, 0, 1000);
        var gone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed");
        Assert.Equal("clientDisconnected", gone.GetProperty("reason").GetString());
        await PeerConnectionProbe.WaitForStallAsync(call.Bob.Page, s => s.FramesDecoded + s.AudioBytesReceived, "bob's inbound media after alice left");
    }

    [Fact]
    public async Task ClosingThePageIsReportedToThePeerWithinTheGracePeriod()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        var aliceConnection = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");

        var closedAt = await call.Bob.EvalAsync<double>("Date.now()");
        await call.Alice.Page.CloseAsync();
        var timeout = (float)(ShortGraceServer.Grace + TimeSpan.FromSeconds(3)).TotalMilliseconds;
        var streamGone = await call.Bob.WaitForEventAsync("session", "streamDestroyed", timeoutMs: timeout);
        var gone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed", $"e.connectionId === '{aliceConnection}'", timeoutMs: timeout);
        Assert.Contains(gone.GetProperty("reason").GetString(), new[] { "networkDisconnected", "clientDisconnected" });
        Assert.Equal(gone.GetProperty("reason").GetString(), streamGone.GetProperty("reason").GetString());
        Assert.InRange(gone.GetProperty("t").GetDouble() - closedAt, 0, (ShortGraceServer.Grace + TimeSpan.FromSeconds(3)).TotalMilliseconds);
    }
}
