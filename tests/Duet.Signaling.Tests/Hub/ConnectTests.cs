using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Signaling.Tests.Hub;

[Collection(DefaultServerCollection.Name)]
public sealed class ConnectTests(DefaultServer server)
{
    [Fact]
    public async Task ConnectReturnsOwnConnectionEveryConnectionOldestFirstAndOthersStreams()
    {
        var session = await server.CreateSessionAsync();
        var (first, firstSnapshot) = await server.JoinAsync(session, data: "{\"name\":\"first\"}");
        Assert.Equal("{\"name\":\"first\"}", firstSnapshot.GetProperty("connection").Str("data"));
        Assert.Equal([first.ConnectionId], firstSnapshot.Strs("connections", "connectionId"));
        var streamId = await first.PublishCameraAsync();

        var (second, snapshot) = await server.JoinAsync(session, Role.Subscriber);

        Assert.Equal([first.ConnectionId, second.ConnectionId], snapshot.Strs("connections", "connectionId"));
        Assert.Equal("", snapshot.GetProperty("connection").Str("data"));
        Assert.Equal("subscriber", snapshot.Str("role"));
        Assert.Equal([streamId], snapshot.Strs("streams", "streamId"));
        var stream = snapshot.GetProperty("streams")[0];
        Assert.Equal(first.ConnectionId, stream.Str("connectionId"));
        Assert.Equal("camera", stream.Str("videoType"));
        Assert.Equal(640, stream.GetProperty("videoDimensions").GetProperty("width").GetInt32());
        Assert.Equal(0, snapshot.GetProperty("iceServers").GetArrayLength());
        Assert.Equal(20_000, snapshot.GetProperty("settings").GetProperty("reconnectGraceMs").GetInt64());
        Assert.Equal(8192, snapshot.GetProperty("settings").GetProperty("maxSignalDataLength").GetInt32());

        var created = await first.NextAsync("connectionCreated");
        Assert.Equal(second.ConnectionId, created.Str("connectionId"));
        Assert.Equal("", created.Str("data"));

        // The newcomer learns about existing connections and streams only from its snapshot, never twice.
        await second.BarrierAsync();
        Assert.Empty(second.All("connectionCreated"));
        Assert.Empty(second.All("streamCreated"));
    }

    [Theory]
    [InlineData(Role.Publisher, 1, 1, 1, 0)]
    [InlineData(Role.Subscriber, 0, 1, 1, 0)]
    [InlineData(Role.PublisherOnly, 1, 0, 0, 0)]
    [InlineData(Role.Moderator, 1, 1, 1, 1)]
    public async Task CapabilitiesFollowTheTokenRole(Role role, int publish, int subscribe, int signal, int moderate)
    {
        var session = await server.CreateSessionAsync();
        var (_, snapshot) = await server.JoinAsync(session, role);
        var caps = snapshot.GetProperty("capabilities");
        Assert.Equal(publish, caps.GetProperty("publish").GetInt32());
        Assert.Equal(subscribe, caps.GetProperty("subscribe").GetInt32());
        Assert.Equal(signal, caps.GetProperty("signal").GetInt32());
        Assert.Equal(moderate, caps.GetProperty("forceDisconnect").GetInt32());
        Assert.Equal(moderate, caps.GetProperty("forceUnpublish").GetInt32());
        Assert.Equal(moderate, caps.GetProperty("forceMute").GetInt32());
    }

    [Fact]
    public async Task T1TokensAreAcceptedToo()
    {
        var session = await server.CreateSessionAsync();
        var client = await server.OpenClientAsync();
        (await client.ConnectAsync(session, SignalingServer.Token(session, Role.Moderator, "x y", TokenFormat.T1))).Expect();
    }

    [Fact]
    public async Task TheApiKeyMayBeANumberAsAppsOftenPassIt()
    {
        var session = await server.CreateSessionAsync();
        var client = await server.OpenClientAsync();
        (await client.InvokeAsync("Connect", new { apiKey = DuetServerProcess.ApiKey, sessionId = session, token = SignalingServer.Token(session) })).Expect();
    }

    [Fact]
    public async Task BadTokensAreRefusedWith1004()
    {
        var session = await server.CreateSessionAsync();
        var other = await server.CreateSessionAsync();
        var good = SignalingServer.Token(session);
        var client = await server.OpenClientAsync();

        (await client.ConnectAsync(session, "")).ExpectError(1004);
        (await client.ConnectAsync(session, "not a token")).ExpectError(1004);
        (await client.ConnectAsync(session, good[..^3] + "AAA")).ExpectError(1004);
        (await client.ConnectAsync(session, SignalingServer.Token(other))).ExpectError(1004);
        var longAgo = DateTimeOffset.UtcNow.AddDays(-3);
        var expired = TokenGenerator.Generate(SignalingServer.Project, session, new TokenOptions { ExpireTime = longAgo.AddDays(1) }, longAgo);
        (await client.ConnectAsync(session, expired)).ExpectError(1004);
        var otherProject = new Duet.Core.Projects.Project(DuetServerProcess.ApiKey, new string('e', 40), "impostor", DateTimeOffset.UtcNow);
        (await client.ConnectAsync(session, TokenGenerator.Generate(otherProject, session, new TokenOptions(), DateTimeOffset.UtcNow))).ExpectError(1004);
        (await client.ConnectAsync(session, good, apiKey: DuetServerProcess.ApiKey + 1)).ExpectError(1004);
        (await client.InvokeAsync("Connect", new { sessionId = session, token = good })).ExpectError(1004);
        (await client.InvokeAsync("Connect", new { apiKey = true, sessionId = session, token = good })).ExpectError(1004);
        (await client.InvokeAsync("Connect", new { apiKey = 1.5, sessionId = session, token = good })).ExpectError(1004);

        // A refused Connect leaves the socket usable.
        (await client.ConnectAsync(session, good)).Expect();
    }

    [Fact]
    public async Task UnknownOrInvalidSessionsAreRefusedWith1005()
    {
        var client = await server.OpenClientAsync();
        var unknown = Duet.Core.Sessions.SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow);
        (await client.ConnectAsync(unknown, SignalingServer.Token(unknown))).ExpectError(1005);
        (await client.ConnectAsync("2_garbage", SignalingServer.Token(await server.CreateSessionAsync()))).ExpectError(1005);
        (await client.InvokeAsync("Connect", new { apiKey = "47000001", token = "x" })).ExpectError(1005);
    }

    [Fact]
    public async Task AFullSessionRefusesWith1027AndAcceptsAgainWhenSomeoneLeaves()
    {
        var session = await server.CreateSessionAsync(maxConnections: 2);
        var (first, _) = await server.JoinAsync(session);
        await server.JoinAsync(session);
        var third = await server.OpenClientAsync();

        (await third.ConnectAsync(session, SignalingServer.Token(session))).ExpectError(1027);

        (await first.InvokeAsync("Disconnect")).Expect();
        (await third.ConnectAsync(session, SignalingServer.Token(session))).Expect();
    }

    [Fact]
    public async Task ConcurrentConnectsNeverExceedTheSessionLimit()
    {
        var session = await server.CreateSessionAsync(maxConnections: 2);
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.OpenClientAsync()));

        var replies = await Task.WhenAll(clients.Select(c => c.ConnectAsync(session, SignalingServer.Token(session))));

        Assert.Equal(2, replies.Count(r => r.Ok));
        Assert.All(replies.Where(r => !r.Ok), r => r.ExpectError(1027));
    }

    [Fact]
    public async Task ASocketConnectsOnceAndCallsBeforeConnectGet1010()
    {
        var session = await server.CreateSessionAsync();
        var client = await server.OpenClientAsync();
        foreach (var (method, arg) in new (string, object?)[]
                 {
                     ("Disconnect", null), ("Publish", new { name = "x" }), ("Unpublish", "s"), ("Subscribe", "s"),
                     ("Unsubscribe", "s"), ("SendMedia", new { subscriptionId = "s", kind = "offer", sdp = "v=0" }),
                     ("SetStreamProperty", new { streamId = "s", property = "hasAudio", value = false }),
                     ("SetSubscriberMedia", new { subscriptionId = "s", audio = true, video = true }),
                     ("Signal", new { type = "t", data = "d" }), ("ForceDisconnect", "c"), ("ForceUnpublish", "s"),
                     ("ForceMuteStream", "s"), ("ForceMuteAll", new { active = true, excludedStreamIds = Array.Empty<string>() }),
                 })
        {
            var reply = method == "Disconnect" ? await client.InvokeAsync(method) : await client.InvokeAsync(method, arg);
            reply.ExpectError(1010);
        }

        (await client.ConnectAsync(session, SignalingServer.Token(session))).Expect();
        (await client.ConnectAsync(session, SignalingServer.Token(session))).ExpectError(1011);
    }
}
