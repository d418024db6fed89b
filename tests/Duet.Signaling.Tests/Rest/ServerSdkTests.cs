using System.Net;
using Duet.Core.Tokens;
using Duet.ServerSdk;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Signaling.Tests.Rest;

/// <summary>The live REST routes through Duet's C# server SDK, checked against what hub clients see.</summary>
[Collection(DefaultServerCollection.Name)]
public sealed class ServerSdkTests(DefaultServer server)
{
    private DuetClient Sdk() => new(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, server.BaseUri.ToString().TrimEnd('/'));

    [Fact]
    public async Task SignalsFromRestReachAllOrOneConnectionFromNobody()
    {
        using var sdk = Sdk();
        var session = await server.CreateSessionAsync();
        var (first, _) = await server.JoinAsync(session);
        var (second, _) = await server.JoinAsync(session);

        await sdk.SignalAsync(session, "news", "to all");
        await sdk.SignalAsync(session, "dm", "to second", second.ConnectionId);

        var all = await first.NextAsync("signal");
        Assert.Equal(("news", "to all", System.Text.Json.JsonValueKind.Null), (all.Str("type"), all.Str("data"), all.Arg.GetProperty("fromConnectionId").ValueKind));
        Assert.Equal("news", (await second.NextAsync("signal")).Str("type"));
        Assert.Equal("to second", (await second.NextAsync("signal")).Str("data"));
        await first.BarrierAsync();
        Assert.Equal(2, first.All("signal").Length);
    }

    [Fact]
    public async Task RestSignalRefusalsUseOpenTokStatuses()
    {
        using var sdk = Sdk();
        var session = await server.CreateSessionAsync();
        await server.JoinAsync(session);

        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(session, "t", "d", "no-such-connection"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(session, "bad type", "d"))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(session, "t", new string('d', 8193)))).StatusCode);
        var unknown = Duet.Core.Sessions.SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.SignalAsync(unknown, "t", "d"))).StatusCode);
        using var wrongSecret = new DuetClient(DuetServerProcess.ApiKey, new string('f', 40), server.BaseUri.ToString().TrimEnd('/'));
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<DuetApiException>(() => wrongSecret.SignalAsync(session, "t", "d"))).StatusCode);
    }

    [Fact]
    public async Task ForceDisconnectEndsTheConnectionForEveryone()
    {
        using var sdk = Sdk();
        var session = await server.CreateSessionAsync();
        var (target, _) = await server.JoinAsync(session);
        var (other, _) = await server.JoinAsync(session);
        Assert.Equal([target.ConnectionId, other.ConnectionId], (await sdk.ListConnectionsAsync(session)).Select(c => c.ConnectionId));

        await sdk.ForceDisconnectAsync(session, target.ConnectionId);

        Assert.Equal("forceDisconnected", (await target.NextAsync("disconnected")).Str("reason"));
        var destroyed = await other.NextAsync("connectionDestroyed");
        Assert.Equal((target.ConnectionId, "forceDisconnected"), (destroyed.Str("connectionId"), destroyed.Str("reason")));
        Assert.Equal([other.ConnectionId], (await sdk.ListConnectionsAsync(session)).Select(c => c.ConnectionId));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.ForceDisconnectAsync(session, target.ConnectionId))).StatusCode);
    }

    [Fact]
    public async Task StreamsAreListedAndFoundAsPublished()
    {
        using var sdk = Sdk();
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        Assert.Empty(await sdk.ListStreamsAsync(session));
        var camera = await publisher.PublishCameraAsync("Alice");
        var screen = (await publisher.InvokeAsync("Publish", new { name = "Slides", videoType = "screen" })).Expect().Str("streamId");

        var streams = await sdk.ListStreamsAsync(session);
        Assert.Equal([(camera, "camera", "Alice"), (screen, "screen", "Slides")], streams.Select(s => (s.Id, s.VideoType, s.Name)));
        var found = await sdk.GetStreamAsync(session, screen);
        Assert.Equal(("screen", "Slides"), (found.VideoType, found.Name));
        Assert.Empty(found.LayoutClassList);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.GetStreamAsync(session, "no-such-stream"))).StatusCode);

        // Another session's stream is not found through this one.
        var otherSession = await server.CreateSessionAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.GetStreamAsync(otherSession, camera))).StatusCode);

        (await publisher.InvokeAsync("Unpublish", camera)).Expect();
        Assert.Equal([screen], (await sdk.ListStreamsAsync(session)).Select(s => s.Id));
    }

    [Fact]
    public async Task ForceMuteFromRestMutesStreamsAndTellsTheirPublishers()
    {
        using var sdk = Sdk();
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (other, _) = await server.JoinAsync(session, Role.Subscriber);
        var streamId = await publisher.PublishCameraAsync();

        await sdk.ForceMuteStreamAsync(session, streamId);
        Assert.Equal(streamId, (await publisher.NextAsync("muteForced")).Str("streamId"));
        Assert.Equal("hasAudio", (await other.NextAsync("streamPropertyChanged")).Str("changedProperty"));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<DuetApiException>(() => sdk.ForceMuteStreamAsync(session, "no-such-stream"))).StatusCode);

        // While mute-all is active, new streams start muted; after it is lifted they do not.
        await sdk.ForceMuteAllAsync(session);
        Assert.True((await publisher.NextAsync("muteForced")).Arg.GetProperty("active").GetBoolean());
        var later = (await publisher.InvokeAsync("Publish", new { name = "later", hasAudio = true })).Expect();
        Assert.False(later.GetProperty("hasAudio").GetBoolean());
        Assert.Equal(later.Str("streamId"), (await publisher.NextAsync("muteForced")).Str("streamId"));

        await sdk.DisableForceMuteAsync(session);
        Assert.False((await publisher.NextAsync("muteForced")).Arg.GetProperty("active").GetBoolean());
        var afterwards = (await publisher.InvokeAsync("Publish", new { name = "afterwards", hasAudio = true })).Expect();
        Assert.True(afterwards.GetProperty("hasAudio").GetBoolean());
    }
}
