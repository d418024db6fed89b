using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class ModerationTests(DefaultServer server)
{
    [Theory]
    [InlineData(Role.Publisher)]
    [InlineData(Role.Subscriber)]
    [InlineData(Role.PublisherOnly)]
    public async Task OnlyModeratorsMayForce(Role role)
    {
        var session = await server.CreateSessionAsync();
        var (target, _) = await server.JoinAsync(session);
        var streamId = await target.PublishCameraAsync();
        var (caller, _) = await server.JoinAsync(session, role);

        (await caller.InvokeAsync("ForceDisconnect", target.ConnectionId)).ExpectError(1520);
        (await caller.InvokeAsync("ForceUnpublish", streamId)).ExpectError(1530);
        (await caller.InvokeAsync("ForceMuteStream", streamId)).ExpectError(1540);
        (await caller.InvokeAsync("ForceMuteAll", new { active = true, excludedStreamIds = Array.Empty<string>() })).ExpectError(1540);

        await target.BarrierAsync();
        Assert.Empty(target.All("disconnected"));
        Assert.Empty(target.All("streamDestroyed"));
        Assert.Empty(target.All("muteForced"));
    }

    [Fact]
    public async Task ForceDisconnectTellsTheTargetAndEveryoneElse()
    {
        var session = await server.CreateSessionAsync();
        var (target, _) = await server.JoinAsync(session);
        var streamId = await target.PublishCameraAsync();
        var (moderator, _) = await server.JoinAsync(session, Role.Moderator);

        (await moderator.InvokeAsync("ForceDisconnect", "no-such-connection")).ExpectError(404);
        (await moderator.InvokeAsync("ForceDisconnect", target.ConnectionId)).Expect();

        Assert.Equal("forceDisconnected", (await target.NextAsync("disconnected")).Str("reason"));
        var streamDestroyed = await moderator.NextAsync("streamDestroyed");
        Assert.Equal((streamId, "forceDisconnected"), (streamDestroyed.Str("streamId"), streamDestroyed.Str("reason")));
        Assert.Equal("forceDisconnected", (await moderator.NextAsync("connectionDestroyed")).Str("reason"));
        (await target.InvokeAsync("Publish", new { name = "x" })).ExpectError(1010);
    }

    [Fact]
    public async Task ForceUnpublishDestroysTheStreamEverywhereIncludingForThePublisher()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (moderator, _) = await server.JoinAsync(session, Role.Moderator);
        var streamId = await publisher.PublishCameraAsync();

        (await moderator.InvokeAsync("ForceUnpublish", "no-such-stream")).ExpectError(404);
        (await moderator.InvokeAsync("ForceUnpublish", streamId)).Expect();

        foreach (var client in new[] { publisher, moderator })
        {
            var destroyed = await client.NextAsync("streamDestroyed");
            Assert.Equal((streamId, "forceUnpublished"), (destroyed.Str("streamId"), destroyed.Str("reason")));
        }

        // The publisher stays connected.
        await publisher.PublishCameraAsync();
    }

    [Fact]
    public async Task ForceMuteStreamMutesItForEveryoneAndTellsItsPublisher()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (moderator, _) = await server.JoinAsync(session, Role.Moderator);
        var streamId = await publisher.PublishCameraAsync();

        (await moderator.InvokeAsync("ForceMuteStream", streamId)).Expect();

        var forced = await publisher.NextAsync("muteForced");
        Assert.Equal(streamId, forced.Str("streamId"));
        Assert.True(forced.Arg.GetProperty("active").GetBoolean());
        var change = await moderator.NextAsync("streamPropertyChanged");
        Assert.Equal(("hasAudio", false), (change.Str("changedProperty"), change.Arg.GetProperty("newValue").GetBoolean()));
        var (_, snapshot) = await server.JoinAsync(session);
        Assert.False(snapshot.GetProperty("streams")[0].GetProperty("hasAudio").GetBoolean());
    }

    [Fact]
    public async Task ForceMuteAllMutesAllButExcludedStreams()
    {
        var session = await server.CreateSessionAsync();
        var (muted, _) = await server.JoinAsync(session);
        var (excluded, _) = await server.JoinAsync(session);
        var (moderator, _) = await server.JoinAsync(session, Role.Moderator);
        var mutedStream = await muted.PublishCameraAsync();
        var excludedStream = await excluded.PublishCameraAsync();

        (await moderator.InvokeAsync("ForceMuteAll", new { active = true, excludedStreamIds = new[] { excludedStream } })).Expect();

        var forced = await muted.NextAsync("muteForced");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, forced.Arg.GetProperty("streamId").ValueKind);
        Assert.True(forced.Arg.GetProperty("active").GetBoolean());
        var change = await moderator.NextAsync("streamPropertyChanged");
        Assert.Equal(mutedStream, change.Str("streamId"));
        await excluded.BarrierAsync();
        Assert.Empty(excluded.All("muteForced"));
        await moderator.BarrierAsync();
        Assert.Single(moderator.All("streamPropertyChanged"));

        (await moderator.InvokeAsync("ForceMuteAll", new { active = false })).Expect();
        Assert.False((await muted.NextAsync("muteForced")).Arg.GetProperty("active").GetBoolean());
        (await moderator.InvokeAsync("ForceMuteAll", new { excludedStreamIds = Array.Empty<string>() })).ExpectError(1011);
    }
}
