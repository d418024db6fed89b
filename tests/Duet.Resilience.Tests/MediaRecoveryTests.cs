using Duet.Resilience.Tests.Infrastructure;
using Duet.Testing;
using Duet.Testing.Browser;
using Duet.Testing.Faults;

namespace Duet.Resilience.Tests;

/// <summary>
/// Issue 6: the media path cut or degraded outside the browser. Both users are forced through coturn
/// (<c>transportPolicy: 'relay'</c>), and coturn is reachable only through a <see cref="UdpLossyRelay"/> the test controls.
/// </summary>
public sealed class MediaRecoveryTests
{
    private const string RelayOnly = "{ iceConfig: { transportPolicy: 'relay' } }";

    /// <summary>ICE ufrags of the page's peer connections' local descriptions (they change on an ICE restart).</summary>
    private const string Ufrags = "__duetProbe.pcs.filter(pc => pc.connectionState !== 'closed').map(pc => (pc.localDescription?.sdp.match(/a=ice-ufrag:(\\S+)/) || [])[1] || '').join(',')";

    [Fact]
    public async Task EightSecondMediaCutRecoversThroughAnIceRestartWithinFiveSecondsOfRestore()
    {
        await using var turn = await TurnServerProcess.StartAsync();
        await using var relay = new UdpLossyRelay(turn.Port);
        await using var call = await ResilientCall.OpenAsync(SettingsThrough(turn, relay));
        await call.StartAsync(sessionOptionsJson: RelayOnly);
        var aliceUfragsBefore = await call.Alice.EvalAsync<string>(Ufrags);
        var bobUfragsBefore = await call.Bob.EvalAsync<string>(Ufrags);

        var cutAt = await ResilientCall.NowAsync(call.Bob);
        relay.LossRatio = 1;
        await PeerConnectionProbe.WaitForStallAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames during the media cut", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        await call.Bob.WaitForEventAsync("subscriber", "disconnected", $"e.t >= {cutAt}", timeoutMs: 7_000);
        var elapsed = await ResilientCall.NowAsync(call.Bob) - cutAt;
        if (elapsed < 8_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(8_000 - elapsed));
        }

        relay.LossRatio = 0;
        var restoredAt = DateTime.UtcNow;
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after restore", minimumGrowth: 5, timeout: TimeSpan.FromSeconds(5));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Alice.Page, s => s.FramesDecoded, "alice's frames after restore", minimumGrowth: 5, timeout: TimeSpan.FromSeconds(5) - (DateTime.UtcNow - restoredAt));
        Assert.True(DateTime.UtcNow - restoredAt <= TimeSpan.FromSeconds(5));
        await call.Bob.WaitForEventAsync("subscriber", "connected", $"e.t > {cutAt}", timeoutMs: 2_000);

        // Recovery was an ICE restart (new credentials on the legs), not just the old path coming back.
        Assert.NotEqual(aliceUfragsBefore, await call.Alice.EvalAsync<string>(Ufrags));
        Assert.NotEqual(bobUfragsBefore, await call.Bob.EvalAsync<string>(Ufrags));
        Assert.True(relay.Dropped > 0);
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Bob));
    }

    [Fact]
    public async Task FifteenPercentLossFallsBackToAudioOnlyAndVideoReturnsWhenTheLossEnds()
    {
        await using var turn = await TurnServerProcess.StartAsync();
        await using var relay = new UdpLossyRelay(turn.Port);
        await using var call = await ResilientCall.OpenAsync(SettingsThrough(turn, relay));
        await call.StartAsync(sessionOptionsJson: RelayOnly);

        var lossAt = await ResilientCall.NowAsync(call.Bob);
        relay.LossRatio = 0.15;
        var warning = await call.Bob.WaitForEventAsync("subscriber", "videoDisableWarning", timeoutMs: 15_000);
        var disabled = await call.Bob.WaitForEventAsync("subscriber", "videoDisabled", "e.reason === 'quality'", timeoutMs: 15_000);
        Assert.True(warning.GetProperty("t").GetDouble() >= lossAt);
        Assert.True(disabled.GetProperty("t").GetDouble() >= warning.GetProperty("t").GetDouble());

        // The publisher really stopped sending video on that leg (Alice's only leg is Bob's); audio goes on.
        await PeerConnectionProbe.WaitForStallAsync(call.Alice.Page, s => s.VideoBytesSent, "alice's outbound video after the fallback", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.AudioBytesReceived, "bob's audio during the fallback", minimumGrowth: 500);

        var clearAt = await ResilientCall.NowAsync(call.Bob);
        relay.LossRatio = 0;
        var enabled = await call.Bob.WaitForEventAsync("subscriber", "videoEnabled", "e.reason === 'quality'", timeoutMs: 20_000);
        Assert.True(enabled.GetProperty("t").GetDouble() >= clearAt);
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after video came back", minimumGrowth: 5, timeout: TimeSpan.FromSeconds(10));
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Bob));
    }

    [Fact]
    public async Task PublisherWithAudioFallbackPublisherStopsItsOwnVideoUnderLossWhileSubscriberFallbackIsOff()
    {
        await using var turn = await TurnServerProcess.StartAsync();
        await using var relay = new UdpLossyRelay(turn.Port);
        await using var call = await ResilientCall.OpenAsync(SettingsThrough(turn, relay));
        // Alice: publisher-side fallback on, subscriber-side off (Bob's subscriber must not act on its own).
        await call.StartAsync(sessionOptionsJson: RelayOnly, alicePublisherProps: "{ audioFallback: { publisher: true, subscriber: false } }");
        Assert.False(await call.Bob.EvalAsync<bool>("H.session.streams.toArray().find(s => s.connection.connectionId !== H.session.connection.connectionId)._audioFallback"));

        relay.LossRatio = 0.15;
        await call.Alice.WaitForEventAsync("publisher", "videoDisableWarning", timeoutMs: 15_000);
        var aliceDisabled = await call.Alice.WaitForEventAsync("publisher", "videoDisabled", "e.reason === 'quality'", timeoutMs: 15_000);
        await PeerConnectionProbe.WaitForStallAsync(call.Alice.Page, s => s.VideoBytesSent, "alice's outbound video after her fallback", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Equal(0, await ResilientCall.CountAsync(call.Bob, "subscriber", "videoDisableWarning"));
        // Bob is told why Alice's video stopped (not a frozen frame): videoDisabled with reason 'quality'.
        await call.Bob.WaitForEventAsync("subscriber", "videoDisabled", "e.reason === 'quality'", timeoutMs: 10_000);
        Assert.True(await call.Bob.EvalAsync<bool>("H.subscribers[H.subscribers.length - 1].element.classList.contains('OT_audio-only')"), "bob's widget shows alice as audio-only");

        relay.LossRatio = 0;
        var aliceEnabled = await call.Alice.WaitForEventAsync("publisher", "videoEnabled", "e.reason === 'quality'", timeoutMs: 20_000);
        await call.Bob.WaitForEventAsync("subscriber", "videoEnabled", "e.reason === 'quality'", timeoutMs: 10_000);
        Assert.True(aliceEnabled.GetProperty("t").GetDouble() > aliceDisabled.GetProperty("t").GetDouble());
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after alice's video came back", minimumGrowth: 5, timeout: TimeSpan.FromSeconds(10));
    }

    /// <summary>The server hands out TURN credentials for coturn, but with the relay's port, so all media crosses the relay.</summary>
    private static Dictionary<string, string> SettingsThrough(TurnServerProcess turn, UdpLossyRelay relay)
    {
        var settings = ResilienceServer.Settings();
        foreach (var (key, value) in turn.DuetSettingsVia(relay.Port))
        {
            settings[key] = value;
        }

        return settings;
    }
}
