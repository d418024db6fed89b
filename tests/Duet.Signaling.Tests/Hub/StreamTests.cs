using System.Text.Json;
using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class StreamTests(DefaultServer server)
{
    [Fact]
    public async Task PublishAnnouncesTheStreamToOthersButNeverToThePublisher()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session, data: "pub");
        var (watcher, _) = await server.JoinAsync(session, Role.Subscriber);

        var reply = (await publisher.InvokeAsync("Publish", new
        {
            name = "Alice", hasAudio = true, hasVideo = false, videoType = (string?)null, videoDimensions = (object?)null, frameRate = (int?)null,
        })).Expect();

        var created = await watcher.NextAsync("streamCreated");
        Assert.Equal(reply.Str("streamId"), created.Str("streamId"));
        Assert.Equal(publisher.ConnectionId, created.Str("connectionId"));
        Assert.Equal("Alice", created.Str("name"));
        Assert.True(created.Arg.GetProperty("hasAudio").GetBoolean());
        Assert.False(created.Arg.GetProperty("hasVideo").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.Arg.GetProperty("videoType").ValueKind);

        await publisher.BarrierAsync();
        Assert.Empty(publisher.All("streamCreated"));
    }

    [Fact]
    public async Task ASubscriberTokenCannotPublish()
    {
        var session = await server.CreateSessionAsync();
        var (subscriber, _) = await server.JoinAsync(session, Role.Subscriber);
        var (other, _) = await server.JoinAsync(session);

        (await subscriber.InvokeAsync("Publish", new { name = "x", hasAudio = true, hasVideo = true, videoType = "camera" })).ExpectError(1500);

        await other.BarrierAsync();
        Assert.Empty(other.All("streamCreated"));
    }

    [Fact]
    public async Task BadPublishFieldsAreRefusedWith1011()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        (await publisher.InvokeAsync("Publish", new { videoType = "hologram" })).ExpectError(1011);
        (await publisher.InvokeAsync("Publish", new { videoDimensions = new { width = 0, height = 10 } })).ExpectError(1011);
        (await publisher.InvokeAsync("Publish", new { frameRate = 0 })).ExpectError(1011);
        (await publisher.InvokeAsync("Publish", new { name = new string('n', 1001) })).ExpectError(1011);
        (await publisher.InvokeAsync("Publish", (object?)null)).ExpectError(1011);
    }

    [Fact]
    public async Task PropertyChangesReachOthersWithOldAndNewValuesAndLateJoinersSeeTheCurrentState()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (watcher, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();
        await watcher.NextAsync("streamCreated");

        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "hasVideo", value = false })).Expect();
        var change = await watcher.NextAsync("streamPropertyChanged");
        Assert.Equal(streamId, change.Str("streamId"));
        Assert.Equal("hasVideo", change.Str("changedProperty"));
        Assert.True(change.Arg.GetProperty("oldValue").GetBoolean());
        Assert.False(change.Arg.GetProperty("newValue").GetBoolean());

        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "videoDimensions", value = new { width = 1280, height = 720 } })).Expect();
        var dims = await watcher.NextAsync("streamPropertyChanged");
        Assert.Equal("videoDimensions", dims.Str("changedProperty"));
        Assert.Equal(640, dims.Arg.GetProperty("oldValue").GetProperty("width").GetInt32());
        Assert.Equal(720, dims.Arg.GetProperty("newValue").GetProperty("height").GetInt32());

        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "hasAudio", value = false })).Expect();
        await watcher.NextAsync("streamPropertyChanged", r => r.Str("changedProperty") == "hasAudio");

        var (late, snapshot) = await server.JoinAsync(session);
        var stream = snapshot.GetProperty("streams")[0];
        Assert.False(stream.GetProperty("hasVideo").GetBoolean());
        Assert.False(stream.GetProperty("hasAudio").GetBoolean());
        Assert.Equal(1280, stream.GetProperty("videoDimensions").GetProperty("width").GetInt32());

        // The publisher hears nothing about its own changes; an unchanged value announces nothing.
        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "hasAudio", value = false })).Expect();
        await publisher.BarrierAsync();
        await watcher.BarrierAsync();
        Assert.Empty(publisher.All("streamPropertyChanged"));
        Assert.Equal(3, watcher.All("streamPropertyChanged").Length);
        await late.BarrierAsync();
        Assert.Empty(late.All("streamPropertyChanged"));
    }

    [Fact]
    public async Task OnlyThePublisherChangesItsStreamAndOnlyWithValidValues()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (other, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();

        (await other.InvokeAsync("SetStreamProperty", new { streamId, property = "hasAudio", value = false })).ExpectError(1011);
        (await other.InvokeAsync("Unpublish", streamId)).ExpectError(1011);
        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "hasAudio", value = "no" })).ExpectError(1011);
        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "name", value = "x" })).ExpectError(1011);
        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "videoDimensions", value = new { width = "a", height = 1 } })).ExpectError(1011);
        (await publisher.InvokeAsync("SetStreamProperty", new { streamId, property = "videoDimensions", value = new { width = -1, height = 1 } })).ExpectError(1011);
    }

    [Fact]
    public async Task UnpublishDestroysTheStreamForOthersWithClientDisconnected()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (watcher, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();
        var subscription = (await watcher.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await publisher.InvokeAsync("Unpublish", streamId)).Expect();

        var removed = await watcher.NextAsync("subscriptionRemoved");
        Assert.Equal(subscription, removed.Str("subscriptionId"));
        var destroyed = await watcher.NextAsync("streamDestroyed");
        Assert.Equal(streamId, destroyed.Str("streamId"));
        Assert.Equal("clientDisconnected", destroyed.Str("reason"));
        await publisher.NextAsync("subscriptionRemoved");
        await publisher.BarrierAsync();
        Assert.Empty(publisher.All("streamDestroyed"));
        (await publisher.InvokeAsync("Unpublish", streamId)).ExpectError(1011);
    }

    [Fact]
    public async Task AConnectionPublishesAtMostTheConfiguredNumberOfStreams()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        for (var i = 0; i < 4; i++)
        {
            await publisher.PublishCameraAsync();
        }

        (await publisher.InvokeAsync("Publish", new { name = "fifth" })).ExpectError(1011);
    }
}
