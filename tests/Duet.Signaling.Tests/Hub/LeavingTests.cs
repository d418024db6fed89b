using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class LeavingTests(DefaultServer server)
{
    [Fact]
    public async Task DisconnectDestroysStreamsThenTheConnectionWithClientDisconnected()
    {
        var session = await server.CreateSessionAsync();
        var (leaver, _) = await server.JoinAsync(session);
        var (stayer, _) = await server.JoinAsync(session);
        var streamId = await leaver.PublishCameraAsync();
        var subscriptionId = (await stayer.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await leaver.InvokeAsync("Disconnect")).Expect();

        var removed = await stayer.NextAsync("subscriptionRemoved");
        var streamDestroyed = await stayer.NextAsync("streamDestroyed");
        var connectionDestroyed = await stayer.NextAsync("connectionDestroyed");
        Assert.Equal(subscriptionId, removed.Str("subscriptionId"));
        Assert.Equal((streamId, "clientDisconnected"), (streamDestroyed.Str("streamId"), streamDestroyed.Str("reason")));
        Assert.Equal((leaver.ConnectionId, "clientDisconnected"), (connectionDestroyed.Str("connectionId"), connectionDestroyed.Str("reason")));
        Assert.True(removed.Index < streamDestroyed.Index && streamDestroyed.Index < connectionDestroyed.Index);

        // The socket may connect again; the old connection cannot be resumed.
        (await leaver.InvokeAsync("Disconnect")).ExpectError(1010);
        (await leaver.InvokeAsync("Resume", new { sessionId = session, connectionId = leaver.ConnectionId, resumeSecret = leaver.ResumeSecret })).ExpectError(1004);
        var (_, snapshot) = await server.JoinAsync(session);
        Assert.Empty(snapshot.GetProperty("streams").EnumerateArray());
        Assert.Equal(2, snapshot.GetProperty("connections").GetArrayLength());
    }

    [Fact]
    public async Task ADroppedSocketIsReportedAsReconnectingAndMayResumeWithinTheGracePeriod()
    {
        var session = await server.CreateSessionAsync();
        var (dropper, _) = await server.JoinAsync(session);
        var (stayer, _) = await server.JoinAsync(session);
        var streamId = await dropper.PublishCameraAsync();
        await stayer.NextAsync("streamCreated");

        dropper.KillSocket();
        var reconnecting = await stayer.NextAsync("connectionReconnecting");
        Assert.Equal(dropper.ConnectionId, reconnecting.Str("connectionId"));

        // Signals sent meanwhile wait for the resumed connection.
        (await stayer.InvokeAsync("Signal", new { type = "while-away", data = "1", to = dropper.ConnectionId })).Expect();
        (await stayer.InvokeAsync("Signal", new { type = "while-away", data = "2" })).Expect();

        var resumed = await server.OpenClientAsync();
        (await resumed.InvokeAsync("Resume", new { sessionId = session, connectionId = dropper.ConnectionId, resumeSecret = "00" + dropper.ResumeSecret[2..] })).ExpectError(1004);
        (await resumed.InvokeAsync("Resume", new { sessionId = await server.CreateSessionAsync(), connectionId = dropper.ConnectionId, resumeSecret = dropper.ResumeSecret })).ExpectError(1004);
        var snapshot = (await resumed.InvokeAsync("Resume", new { sessionId = session, connectionId = dropper.ConnectionId, resumeSecret = dropper.ResumeSecret })).Expect();

        Assert.Equal(dropper.ConnectionId, snapshot.GetProperty("connection").Str("connectionId"));
        Assert.Equal([streamId], snapshot.Strs("streams", "streamId"));
        Assert.Equal(dropper.ConnectionId, (await stayer.NextAsync("connectionReconnected")).Str("connectionId"));
        Assert.Equal("1", (await resumed.NextAsync("signal")).Str("data"));
        Assert.Equal("2", (await resumed.NextAsync("signal")).Str("data"));

        // The resumed socket acts as the same connection.
        (await resumed.InvokeAsync("SetStreamProperty", new { streamId, property = "hasAudio", value = false })).Expect();
        await stayer.NextAsync("streamPropertyChanged");
        await stayer.BarrierAsync();
        Assert.Empty(stayer.All("connectionDestroyed"));
        Assert.Empty(stayer.All("streamDestroyed"));
    }

    [Fact]
    public async Task ResumeFailsAfterAForceDisconnect()
    {
        var session = await server.CreateSessionAsync();
        var (target, _) = await server.JoinAsync(session);
        var (moderator, _) = await server.JoinAsync(session, Role.Moderator);

        target.KillSocket();
        await moderator.NextAsync("connectionReconnecting");
        (await moderator.InvokeAsync("ForceDisconnect", target.ConnectionId)).Expect();
        Assert.Equal("forceDisconnected", (await moderator.NextAsync("connectionDestroyed")).Str("reason"));

        var again = await server.OpenClientAsync();
        (await again.InvokeAsync("Resume", new { sessionId = session, connectionId = target.ConnectionId, resumeSecret = target.ResumeSecret })).ExpectError(1004);
    }
}
