using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(TightServerCollection.Name)]
public sealed class GracePeriodTests(TightServer server)
{
    [Fact]
    public async Task AConnectionThatDoesNotResumeLeavesWithNetworkDisconnected()
    {
        var session = await server.CreateSessionAsync();
        var (dropper, _) = await server.JoinAsync(session);
        var (stayer, _) = await server.JoinAsync(session);
        var streamId = await dropper.PublishCameraAsync();
        await stayer.NextAsync("streamCreated");

        dropper.KillSocket();
        await stayer.NextAsync("connectionReconnecting");
        var streamDestroyed = await stayer.NextAsync("streamDestroyed");
        var connectionDestroyed = await stayer.NextAsync("connectionDestroyed");
        Assert.Equal((streamId, "networkDisconnected"), (streamDestroyed.Str("streamId"), streamDestroyed.Str("reason")));
        Assert.Equal((dropper.ConnectionId, "networkDisconnected"), (connectionDestroyed.Str("connectionId"), connectionDestroyed.Str("reason")));

        var late = await server.OpenClientAsync();
        (await late.InvokeAsync("Resume", new { sessionId = session, connectionId = dropper.ConnectionId, resumeSecret = dropper.ResumeSecret })).ExpectError(1004);
    }

    [Fact]
    public async Task AMessageOverTheHubSizeLimitClosesTheSocketAndTheConnectionIsTreatedAsDropped()
    {
        var session = await server.CreateSessionAsync();
        var (sender, _) = await server.JoinAsync(session);
        var (other, _) = await server.JoinAsync(session);

        // 200,000 characters is beyond the 128 KiB hub message cap: SignalR closes the socket before the hub sees it.
        await Assert.ThrowsAnyAsync<Exception>(() => sender.InvokeAsync("Signal", new { type = "big", data = new string('x', 200_000) }));

        Assert.Equal(sender.ConnectionId, (await other.NextAsync("connectionReconnecting")).Str("connectionId"));
        Assert.Equal("networkDisconnected", (await other.NextAsync("connectionDestroyed")).Str("reason"));
        await other.BarrierAsync();
        Assert.DoesNotContain(other.All("signal"), s => s.Str("type") == "big");
    }

    [Fact]
    public async Task TheConnectionLimitComesFromConfigurationWhenTheSessionSetsNone()
    {
        var session = await server.CreateSessionAsync();
        for (var i = 0; i < 3; i++)
        {
            await server.JoinAsync(session);
        }

        var fourth = await server.OpenClientAsync();
        (await fourth.ConnectAsync(session, SignalingServer.Token(session))).ExpectError(1027);
    }
}
