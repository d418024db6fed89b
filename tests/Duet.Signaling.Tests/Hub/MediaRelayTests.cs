using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class MediaRelayTests(DefaultServer server)
{
    [Fact]
    public async Task OfferAnswerAndCandidatesReachOnlyTheOtherEndOfTheSubscription()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (subscriber, _) = await server.JoinAsync(session);
        var (bystander, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();

        var subscription = (await subscriber.InvokeAsync("Subscribe", streamId)).Expect();
        var subscriptionId = subscription.Str("subscriptionId");
        Assert.Equal(publisher.ConnectionId, subscription.Str("publisherConnectionId"));
        Assert.Equal(subscriber.ConnectionId, subscription.Str("subscriberConnectionId"));
        var added = await publisher.NextAsync("subscriberAdded");
        Assert.Equal(subscriptionId, added.Str("subscriptionId"));

        // The client's claim about "from" is ignored: the server knows which end is calling.
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer", sdp = "v=0 offer", from = "subscriber" })).Expect();
        var offer = await subscriber.NextAsync("media");
        Assert.Equal("offer", offer.Str("kind"));
        Assert.Equal("v=0 offer", offer.Str("sdp"));
        Assert.Equal("publisher", offer.Str("from"));

        (await subscriber.InvokeAsync("SendMedia", new { subscriptionId, kind = "answer", sdp = "v=0 answer" })).Expect();
        var answer = await publisher.NextAsync("media");
        Assert.Equal("subscriber", answer.Str("from"));

        (await subscriber.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "candidate:1 1 udp 1 127.0.0.1 5000 typ host", sdpMid = "0", sdpMLineIndex = 0 } })).Expect();
        var candidate = await publisher.NextAsync("media", r => r.Str("kind") == "candidate");
        Assert.Equal("0", candidate.Arg.GetProperty("candidate").Str("sdpMid"));
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = (object?)null })).Expect();
        var end = await subscriber.NextAsync("media", r => r.Str("kind") == "candidate");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, end.Arg.GetProperty("candidate").ValueKind);

        // A connection that is not an end can neither send nor receive on the leg.
        (await bystander.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer", sdp = "v=0 evil" })).ExpectError(1011);
        await bystander.BarrierAsync();
        Assert.Empty(bystander.All("media"));
        Assert.Empty(bystander.All("subscriberAdded"));
        await publisher.BarrierAsync();
        Assert.Single(publisher.All("subscriberAdded"));
        Assert.Equal(2, publisher.All("media").Length);
    }

    [Fact]
    public async Task RelayIsRefusedAcrossSessions()
    {
        var session = await server.CreateSessionAsync();
        var otherSession = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (subscriber, _) = await server.JoinAsync(session);
        var (stranger, _) = await server.JoinAsync(otherSession);
        var streamId = await publisher.PublishCameraAsync();
        var subscriptionId = (await subscriber.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await stranger.InvokeAsync("Subscribe", streamId)).ExpectError(1011);
        (await stranger.InvokeAsync("SendMedia", new { subscriptionId, kind = "answer", sdp = "v=0" })).ExpectError(1011);
        (await stranger.InvokeAsync("Unsubscribe", subscriptionId)).ExpectError(1011);
        (await stranger.InvokeAsync("SetSubscriberMedia", new { subscriptionId, audio = false, video = false })).ExpectError(1011);

        await publisher.BarrierAsync();
        Assert.Empty(publisher.All("media"));
        Assert.Empty(publisher.All("subscriberMediaChanged"));
    }

    [Fact]
    public async Task BadMediaMessagesAreRefused()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (subscriber, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();
        var subscriptionId = (await subscriber.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer" })).ExpectError(1011);
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "bye", sdp = "x" })).ExpectError(1011);
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer", sdp = new string('a', 64 * 1024 + 1) })).ExpectError(1011);
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = "not an object" })).ExpectError(1011);
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId = "nope", kind = "offer", sdp = "x" })).ExpectError(1011);
        await subscriber.BarrierAsync();
        Assert.Empty(subscriber.All("media"));
    }

    [Fact]
    public async Task OnlyThePublisherEndPausesAndResumesVideoAndNothingElseIsRelayedWithIt()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (subscriber, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();
        var subscriptionId = (await subscriber.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await subscriber.InvokeAsync("SendMedia", new { subscriptionId, kind = "videoPaused" })).ExpectError(1011);
        (await subscriber.InvokeAsync("SendMedia", new { subscriptionId, kind = "videoResumed", from = "publisher" })).ExpectError(1011);

        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "videoPaused", sdp = "v=0 smuggled" })).Expect();
        var paused = await subscriber.NextAsync("media");
        Assert.Equal("videoPaused", paused.Str("kind"));
        Assert.Equal("publisher", paused.Str("from"));
        Assert.False(paused.Arg.TryGetProperty("sdp", out var sdp) && sdp.ValueKind != System.Text.Json.JsonValueKind.Null);
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "videoResumed" })).Expect();
        Assert.Equal("videoResumed", (await subscriber.NextAsync("media", r => r.Str("kind") == "videoResumed")).Str("kind"));

        await publisher.BarrierAsync();
        Assert.Empty(publisher.All("media"));

        // On a subscription to oneself both ends are the caller: a pause counts as the publisher's.
        var (self, _) = await server.JoinAsync(session);
        var ownStream = await self.PublishCameraAsync();
        var selfSubscription = (await self.InvokeAsync("Subscribe", ownStream)).Expect().Str("subscriptionId");
        (await self.InvokeAsync("SendMedia", new { subscriptionId = selfSubscription, kind = "videoPaused", from = "subscriber" })).Expect();
        Assert.Equal("publisher", (await self.NextAsync("media", r => r.Str("kind") == "videoPaused")).Str("from"));
    }

    [Fact]
    public async Task PublisherOnlyCannotSubscribeButOthersMaySubscribeToThemselves()
    {
        var session = await server.CreateSessionAsync();
        var (publisherOnly, _) = await server.JoinAsync(session, Role.PublisherOnly);
        var ownStream = await publisherOnly.PublishCameraAsync();
        (await publisherOnly.InvokeAsync("Subscribe", ownStream)).ExpectError(1500);

        var (self, _) = await server.JoinAsync(session);
        var streamId = await self.PublishCameraAsync();
        var subscription = (await self.InvokeAsync("Subscribe", streamId)).Expect();
        var subscriptionId = subscription.Str("subscriptionId");
        Assert.Equal(self.ConnectionId, subscription.Str("subscriberConnectionId"));
        await self.NextAsync("subscriberAdded");

        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer", sdp = "v=0\r\na=ice-ufrag:PubU\r\n" })).Expect();
        Assert.Equal("publisher", (await self.NextAsync("media")).Str("from"));

        // A subscriber candidate may beat the answer: the offer's ufrag is the publisher's, so any other is the subscriber's.
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "c0", usernameFragment = "SubU" } })).Expect();
        Assert.Equal("subscriber", (await self.NextAsync("media")).Str("from"));
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "answer", sdp = "v=0\r\na=ice-ufrag:SubU\r\n" })).Expect();
        Assert.Equal("subscriber", (await self.NextAsync("media")).Str("from"));

        // Both ends are this connection: a candidate belongs to the end whose SDP carried its ufrag, or to the end "from" names.
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "c1", usernameFragment = "PubU" } })).Expect();
        Assert.Equal("publisher", (await self.NextAsync("media")).Str("from"));
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "c2", usernameFragment = "SubU" } })).Expect();
        Assert.Equal("subscriber", (await self.NextAsync("media")).Str("from"));
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "c3" }, from = "subscriber" })).Expect();
        Assert.Equal("subscriber", (await self.NextAsync("media")).Str("from"));
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = new { candidate = "c4" } })).ExpectError(1011);

        // An end-of-candidates nobody can attribute is accepted and dropped.
        (await self.InvokeAsync("SendMedia", new { subscriptionId, kind = "candidate", candidate = (object?)null })).Expect();
        await self.BarrierAsync();
        Assert.Equal(6, self.All("media").Length);
    }

    [Fact]
    public async Task SubscriberMediaTogglesReachThePublisherAndUnsubscribeEndsTheLeg()
    {
        var session = await server.CreateSessionAsync();
        var (publisher, _) = await server.JoinAsync(session);
        var (subscriber, _) = await server.JoinAsync(session);
        var streamId = await publisher.PublishCameraAsync();
        var subscriptionId = (await subscriber.InvokeAsync("Subscribe", streamId)).Expect().Str("subscriptionId");

        (await subscriber.InvokeAsync("SetSubscriberMedia", new { subscriptionId, audio = true, video = false })).Expect();
        var off = await publisher.NextAsync("subscriberMediaChanged");
        Assert.Equal(subscriptionId, off.Str("subscriptionId"));
        Assert.True(off.Arg.GetProperty("audio").GetBoolean());
        Assert.False(off.Arg.GetProperty("video").GetBoolean());
        (await subscriber.InvokeAsync("SetSubscriberMedia", new { subscriptionId, audio = true, video = true })).Expect();
        Assert.True((await publisher.NextAsync("subscriberMediaChanged")).Arg.GetProperty("video").GetBoolean());
        (await publisher.InvokeAsync("SetSubscriberMedia", new { subscriptionId, audio = false, video = false })).ExpectError(1011);

        (await publisher.InvokeAsync("Unsubscribe", subscriptionId)).ExpectError(1011);
        (await subscriber.InvokeAsync("Unsubscribe", subscriptionId)).Expect();
        Assert.Equal("unsubscribed", (await publisher.NextAsync("subscriptionRemoved")).Str("reason"));
        await subscriber.NextAsync("subscriptionRemoved");
        (await publisher.InvokeAsync("SendMedia", new { subscriptionId, kind = "offer", sdp = "v=0" })).ExpectError(1011);
    }
}
