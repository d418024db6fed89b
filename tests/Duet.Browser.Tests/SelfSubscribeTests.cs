using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 9: subscribing to one's own stream shows it through a real peer connection.</summary>
public sealed class SelfSubscribeTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task SubscribingToOwnStreamPlaysItThroughAPeerConnection()
    {
        await using var user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "self" });
        var page = await CallPage.OpenAsync(user, server.BaseUri);
        var sessionId = await server.CreateSessionAsync();
        await page.JoinAsync(sessionId, CallServer.Token(sessionId));
        Assert.Equal(0, (await page.StatsAsync()).PeerConnections);

        var error = await page.EvalAsync("H.subscribe(H.publisher.stream, { testNetwork: true, audioVolume: 0 })");
        Assert.True(error.ValueKind == System.Text.Json.JsonValueKind.Null, $"{error} {await page.EventsJsonAsync()} {user.ConsoleLog}");
        await page.WaitForEventAsync("subscriber", "connected");
        await PeerConnectionProbe.WaitForInboundMediaAsync(page.Page);
        var stats = await page.StatsAsync();
        Assert.Equal(2, stats.PeerConnections);
        Assert.True(stats.VideoBytesSent > 0);
        await page.WaitForAsync("document.querySelector('#subs .OT_subscriber:not(.OT_loading) video.OT_video-element') !== null");
        Assert.Equal(await page.EvalAsync<string>("H.publisher.streamId"), await page.EvalAsync<string>("H.subscribers[0].streamId"));
        var subscriberStats = await page.EvalAsync("new Promise(r => H.subscribers[0].getStats((e, s) => r(s)))");
        Assert.True(subscriberStats.GetProperty("video").GetProperty("bytesReceived").GetDouble() > 0);
    }
}
