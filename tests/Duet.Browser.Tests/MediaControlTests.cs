using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, tests 2–5: publishAudio/publishVideo, subscribeToVideo, cycleVideo, late joiners and rapid toggles.</summary>
public sealed class MediaControlTests(CallServer server) : IClassFixture<CallServer>
{
    [Fact]
    public async Task PublishVideoAndAudioTogglesReachThePeerAndReallyStopAndResumeMedia()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        var bob = call.Bob;
        await PeerConnectionProbe.WaitForInboundMediaAsync(bob.Page);

        await call.Alice.EvalAsync("void H.publisher.publishVideo(false)");
        var changed = await bob.WaitForEventAsync("session", "streamPropertyChanged", "e.changedProperty === 'hasVideo'");
        Assert.False(changed.GetProperty("oldValue").GetBoolean() == false, changed.ToString());
        Assert.False(changed.GetProperty("newValue").GetBoolean());
        await bob.WaitForEventAsync("subscriber", "videoDisabled", "e.reason === 'publishVideo'");
        await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-only') !== null");
        await PeerConnectionProbe.WaitForStallAsync(bob.Page, s => s.FramesDecoded, "frames decoded after publishVideo(false)");
        await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.AudioBytesReceived, "audio keeps flowing without video", 500);

        await call.Alice.EvalAsync("void H.publisher.publishVideo(true)");
        await bob.WaitForEventAsync("session", "streamPropertyChanged", "e.changedProperty === 'hasVideo' && e.newValue === true && e.oldValue === false");
        await bob.WaitForEventAsync("subscriber", "videoEnabled", "e.reason === 'publishVideo'");
        await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-only') === null");
        await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.FramesDecoded, "frames decoded after publishVideo(true)", 5);

        await call.Alice.EvalAsync("void H.publisher.publishAudio(false)");
        await bob.WaitForEventAsync("session", "streamPropertyChanged", "e.changedProperty === 'hasAudio' && e.newValue === false && e.oldValue === true");
        await PeerConnectionProbe.WaitForStallAsync(bob.Page, s => s.AudioBytesReceived, "audio bytes after publishAudio(false)");
        Assert.False(await bob.EvalAsync<bool>("H.subscribers[0].stream.hasAudio"));

        await call.Alice.EvalAsync("void H.publisher.publishAudio(true)");
        await bob.WaitForEventAsync("session", "streamPropertyChanged", "e.changedProperty === 'hasAudio' && e.newValue === true");
        await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.AudioBytesReceived, "audio bytes after publishAudio(true)", 500);
    }

    [Fact]
    public async Task SubscribeToVideoFalseStopsThatLegsOutboundVideoAndTrueResumesIt()
    {
        await using var call = await Call.OpenAsync(server);
        await call.StartAsync();
        var alice = call.Alice;
        await PeerConnectionProbe.WaitForGrowthAsync(alice.Page, s => s.VideoBytesSent, "alice's outbound video", 1000);

        await call.Bob.EvalAsync("void H.subscribers[0].subscribeToVideo(false)");
        await call.Bob.WaitForEventAsync("subscriber", "videoDisabled", "e.reason === 'subscribeToVideo'");
        await PeerConnectionProbe.WaitForStallAsync(alice.Page, s => s.VideoBytesSent, "alice's outbound video bytes to bob after subscribeToVideo(false)");
        await PeerConnectionProbe.WaitForGrowthAsync(alice.Page, s => s.AudioBytesSent, "alice's outbound audio continues", 500);

        await call.Bob.EvalAsync("void H.subscribers[0].subscribeToVideo(true)");
        await call.Bob.WaitForEventAsync("subscriber", "videoEnabled", "e.reason === 'subscribeToVideo'");
        await PeerConnectionProbe.WaitForGrowthAsync(alice.Page, s => s.VideoBytesSent, "alice's outbound video after subscribeToVideo(true)", 1000);
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob decodes alice's video again", 5);
    }

    [Fact]
    public async Task CycleVideoSwitchesCamerasWithoutInterruptingThePeer()
    {
        // Chromium's fake cameras: #0 I420, #1 a Y16 depth camera (not encodable), #2 MJPEG. Publish from #2 so that
        // cycleVideo moves to #0 (wrapping around), then setVideoSource brings #2 back.
        await using var call = await Call.OpenAsync(server, fakeCameras: 3);
        var alice = call.Alice;
        await alice.EvalAsync("""
            (async () => { (await navigator.mediaDevices.getUserMedia({ video: true })).getTracks().forEach(t => t.stop());
                           window.cams = (await OT.getDevices()).filter(d => d.kind === 'videoInput').map(d => d.deviceId); })()
            """);
        Assert.Equal(3, await alice.EvalAsync<int>("cams.length"));
        await call.StartAsync(alicePublisherProps: "{ videoSource: cams[2] }");
        await PeerConnectionProbe.WaitForInboundMediaAsync(call.Bob.Page, audio: false);
        var peerConnectionsBefore = (await alice.StatsAsync()).PeerConnections;
        Assert.True(await alice.EvalAsync<bool>("H.publisher.getVideoSource().deviceId === cams[2]"));

        var cycled = await alice.EvalAsync<string>("H.publisher.cycleVideo().then(r => r.deviceId)");
        Assert.True(await alice.EvalAsync<bool>($"cams[0] === '{cycled}' && H.publisher.getVideoSource().deviceId === cams[0]"));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after cycleVideo", 10);

        await alice.EvalAsync("H.publisher.setVideoSource(cams[2])");
        Assert.True(await alice.EvalAsync<bool>("H.publisher.getVideoSource().deviceId === cams[2]"));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after setVideoSource", 10);

        // The old camera was released, nothing was renegotiated or re-announced.
        Assert.Equal(1, await alice.EvalAsync<int>("H.publisher.getVideoSource().track.readyState === 'live' ? 1 : 0"));
        Assert.Equal(peerConnectionsBefore, (await alice.StatsAsync()).PeerConnections);
        Assert.Empty(await call.Bob.EvalAsync<string[]>("H.log.filter(e => e.type === 'streamDestroyed').map(e => e.type)"));
        Assert.Equal(1, await call.Bob.EvalAsync<int>("H.log.filter(e => e.src === 'session' && e.type === 'streamCreated').length"));
    }

    [Fact]
    public async Task LateJoinerSeesMutedCameraOffStateAndRapidTogglesEndInTheLastState()
    {
        await using var call = await Call.OpenAsync(server);
        var alice = call.Alice;
        var bob = call.Bob;
        await alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId));
        await alice.EvalAsync("void (H.publisher.publishAudio(false), H.publisher.publishVideo(false))");
        await alice.WaitForAsync("H.publisher.stream.hasAudio === false && H.publisher.stream.hasVideo === false");

        // Measured with the browser's clock (Playwright's own round trips are not part of what the user sees).
        var joinedAt = await bob.EvalAsync<double>("Date.now()");
        await bob.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), publish: false);
        var created = await bob.WaitForEventAsync("session", "streamCreated");
        Assert.False(created.GetProperty("hasAudio").GetBoolean());
        Assert.False(created.GetProperty("hasVideo").GetBoolean());
        Assert.InRange(created.GetProperty("t").GetDouble() - joinedAt, 0, 1000);
        // The subscriber widget is created in the streamCreated handler and shows the camera-off poster at once.
        await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-only') !== null");
        var posterAt = await bob.EvalAsync<double>("Date.now()");
        Assert.InRange(posterAt - joinedAt, 0, 3000);
        await bob.WaitForEventAsync("subscriber", "connected");
        await PeerConnectionProbe.WaitForStallAsync(bob.Page, s => s.FramesDecoded + s.AudioBytesReceived, "media of a muted, camera-off stream");

        // Ten rapid toggles of each kind: video ends off→on→…→off, audio ends on.
        await alice.EvalAsync("""
            (() => { for (let i = 0; i < 10; i++) { H.publisher.publishVideo(i % 2 === 0); H.publisher.publishAudio(i % 2 === 0); }
                     H.publisher.publishVideo(false); H.publisher.publishAudio(true); })()
            """);
        await bob.WaitForAsync("H.subscribers[0].stream.hasVideo === false && H.subscribers[0].stream.hasAudio === true");
        await bob.WaitForAsync("document.querySelector('#subs .OT_subscriber.OT_audio-only') !== null");
        await PeerConnectionProbe.WaitForGrowthAsync(bob.Page, s => s.AudioBytesReceived, "audio after the toggles", 500);
        await PeerConnectionProbe.WaitForStallAsync(bob.Page, s => s.FramesDecoded, "video after the toggles");
        Assert.True(await alice.EvalAsync<bool>("H.publisher.stream.hasVideo === false && H.publisher.stream.hasAudio === true"));

        // The last toggle of the burst is what a later joiner sees, too.
        var late = await Call.OpenAsync(server);
        await using (late)
        {
            await late.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), publish: false);
            var seen = await late.Alice.WaitForEventAsync("session", "streamCreated");
            Assert.True(seen.GetProperty("hasAudio").GetBoolean());
            Assert.False(seen.GetProperty("hasVideo").GetBoolean());
        }
    }
}
