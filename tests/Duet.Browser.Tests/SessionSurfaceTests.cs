using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Core.Tokens;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Session event order, caching, capabilities, stats, audio levels and moderation through the OT API.</summary>
public sealed class SessionSurfaceTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task ConnectDispatchesSessionConnectedThenConnectionsThenExistingStreams()
    {
        await using var call = await Call.OpenAsync(server);
        await call.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId, data: "alice"));
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        await call.Bob.EvalAsync($"H.init({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(call.SessionId)}); H.session.on('sessionConnected', () => H.log.push({{ src: 'order', type: 'connected-handler' }}))");
        Assert.True(await call.Bob.EvalAsync<bool>($"OT.initSession({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(call.SessionId)}) === H.session && OT.sessions.length() === 1"));
        Assert.Null(await call.Bob.EvalAsync<string?>("H.session.connection ? 'set' : null"));
        Assert.Equal(JsonValueKind.Null, (await call.Bob.EvalAsync($"new Promise(r => H.session.connect({JsonSerializer.Serialize(CallServer.Token(call.SessionId, data: "bob"))}, e => {{ H.log.push({{ src: 'order', type: 'callback' }}); r(e ? e.code : null); }}))")).ValueKind);
        await call.Bob.WaitForEventAsync("session", "streamCreated", $"e.streamId === '{aliceStream}'");

        var order = await call.Bob.EvalAsync<string[]>("H.log.filter(e => e.src === 'session' || e.src === 'order').map(e => e.type + (e.connectionData !== null && e.connectionData !== undefined ? ':' + e.connectionData : ''))");
        Assert.Equal(new[] { "sessionConnected", "connected-handler", "callback", "connectionCreated:alice", "connectionCreated:bob", "streamCreated" }, order);
        Assert.Equal(1, await call.Bob.EvalAsync<int>("H.session.capabilities.publish"));
        Assert.True(await call.Bob.EvalAsync<bool>("H.session.capabilities.permittedTo('subscribe') && !H.session.capabilities.permittedTo('forceDisconnect')"));
        Assert.Equal("bob", await call.Bob.EvalAsync<string>("H.session.connection.data"));
        Assert.Equal(CallServer.ApiKey, await call.Bob.EvalAsync<string>("H.session.apiKey"));
        Assert.True(await call.Bob.EvalAsync<bool>("H.session.id === H.session.sessionId && H.session.streams.length() === 1 && H.session.isConnected()"));
    }

    [Fact]
    public async Task PromiseFormsOfConnectInitPublisherAndPublishAudioVideoSettleLikeTheirCallbacks()
    {
        await using var call = await Call.OpenAsync(server);
        await call.Alice.EvalAsync($"H.init({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(call.SessionId)})");
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync($"H.session.connect.promise({JsonSerializer.Serialize(CallServer.Token(call.SessionId))}).then(() => null, e => ({{ code: e.code }}))")).ValueKind);
        Assert.True(await call.Alice.EvalAsync<bool>("H.session.isConnected() && !!H.session.connection"));
        await call.Alice.WaitForEventAsync("session", "sessionConnected");

        Assert.True(await call.Alice.EvalAsync<bool>("OT.initPublisher.promise('pub', { insertMode: 'append', width: 320, height: 240 }).then(p => { H.publisher = p; return p instanceof OT.Publisher && p.accessAllowed; })"));
        Assert.Equal(JsonValueKind.String, (await call.Alice.EvalAsync("H.publish()")).GetProperty("streamIdAtCallback").ValueKind);
        Assert.True(await call.Alice.EvalAsync<bool>("H.publisher.publishVideo.promise(false).then(() => H.publisher.stream.hasVideo === false)"));
        Assert.True(await call.Alice.EvalAsync<bool>("H.publisher.publishAudio.promise(false).then(() => H.publisher.stream.hasAudio === false)"));
        Assert.True(await call.Alice.EvalAsync<bool>("H.publisher.publishVideo(true) === H.publisher && H.publisher.publishAudio(true) === H.publisher"));

        // A refused connect rejects with the same OT error the callback gets.
        var refused = await call.Bob.EvalAsync($"OT.initSession({JsonSerializer.Serialize(CallServer.ApiKey)}, {JsonSerializer.Serialize(call.SessionId)}).connect.promise('T1==garbage').then(() => null, e => ({{ code: e.code, name: e.name }}))");
        Assert.Equal(1004, refused.GetProperty("code").GetInt32());
        Assert.Equal("OT_AUTHENTICATION_ERROR", refused.GetProperty("name").GetString());
    }

    [Fact]
    public async Task StatsAndAudioLevelsComeFromTheRealMedia()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        await PeerConnectionProbe.WaitForInboundMediaAsync(call.Bob.Page);

        var publisherStats = await call.Alice.EvalAsync("new Promise(r => H.publisher.getStats((e, s) => r(s)))");
        Assert.Equal(1, publisherStats.GetArrayLength());
        Assert.Equal(await call.Bob.EvalAsync<string>("H.session.connection.connectionId"), publisherStats[0].GetProperty("connectionId").GetString());
        Assert.True(publisherStats[0].GetProperty("stats").GetProperty("video").GetProperty("bytesSent").GetDouble() > 0);
        var subscriberStats = await call.Bob.EvalAsync("new Promise(r => H.subscribers[0].getStats((e, s) => r(s)))");
        Assert.True(subscriberStats.GetProperty("audio").GetProperty("bytesReceived").GetDouble() > 0);
        Assert.True(subscriberStats.GetProperty("video").GetProperty("packetsReceived").GetDouble() > 0);

        // Chromium's fake microphone beeps: the levels are not all zero, on both ends.
        await call.Alice.EvalAsync("window.levels = []; H.publisher.on('audioLevelUpdated', e => levels.push(e.audioLevel))");
        await call.Bob.EvalAsync("window.levels = []; H.subscribers[0].on('audioLevelUpdated', e => levels.push(e.audioLevel))");
        await call.Alice.WaitForAsync("levels.length > 20 && levels.some(l => l > 0.01) && levels.every(l => l >= 0 && l <= 1)");
        await call.Bob.WaitForAsync("levels.length > 20 && levels.some(l => l > 0.01)");
        Assert.True(await call.Bob.EvalAsync<bool>("H.subscribers[0].getAudioVolume() === 50 && (H.subscribers[0].setAudioVolume(20), H.subscribers[0].getAudioVolume() === 20)"));
        Assert.True(await call.Bob.EvalAsync<bool>("document.querySelector('#subs video').volume === 0.2 && H.subscribers[0].isAudioBlocked() === false"));
        Assert.True(await call.Bob.EvalAsync<bool>("H.subscribers[0].videoWidth() > 0 && H.publisher.videoHeight() > 0"));
    }

    [Fact]
    public async Task ModeratorForceMutesAndForceUnpublishes()
    {
        await using var call = await Call.OpenAsync(server);
        await call.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId));
        await call.Bob.JoinAsync(call.SessionId, CallServer.Token(call.SessionId, Role.Moderator), publish: false);
        await call.Bob.WaitForEventAsync("subscriber", "connected");
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.AudioBytesReceived, "audio before the mute", 500);

        Assert.Equal(JsonValueKind.Null, (await call.Bob.EvalAsync("H.session.forceMuteStream(H.subscribers[0].stream).then(() => null, e => e.code)")).ValueKind);
        await call.Alice.WaitForEventAsync("session", "muteForced", "true", timeoutMs: 3000);
        await call.Bob.WaitForEventAsync("session", "streamPropertyChanged", "e.changedProperty === 'hasAudio' && e.newValue === false", timeoutMs: 3000);
        await PeerConnectionProbe.WaitForStallAsync(call.Bob.Page, s => s.AudioBytesReceived, "audio after forceMuteStream");
        Assert.True(await call.Alice.EvalAsync<bool>("document.querySelector('#pub .OT_mute').classList.contains('OT_active')"));

        var streamId = await call.Alice.EvalAsync<string>("H.publisher.streamId");
        Assert.Equal(JsonValueKind.Null, (await call.Bob.EvalAsync("new Promise(r => H.session.forceUnpublish(H.subscribers[0].stream, e => r(e ? e.code : null)))")).ValueKind);
        var atModerator = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{streamId}'", timeoutMs: 3000);
        Assert.Equal("forceUnpublished", atModerator.GetProperty("reason").GetString());
        var atPublisher = await call.Alice.WaitForEventAsync("publisher", "streamDestroyed", timeoutMs: 3000);
        Assert.Equal("forceUnpublished", atPublisher.GetProperty("reason").GetString());
        Assert.True(await call.Alice.EvalAsync<bool>("H.publisher.streamId === undefined && H.session.isConnected()"));
    }
}
