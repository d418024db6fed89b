using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Core.Tokens;
using Duet.Resilience.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Resilience.Tests;

/// <summary>Issue 6: the signaling socket cut by a TCP proxy between Alice's browser and the server.</summary>
public sealed class SignalingResumeTests
{
    [Fact]
    public async Task FiveSecondCutTwentySecondsAfterJoiningWithATenSecondTokenResumesAndThePeerSeesReconnectingNotLeft()
    {
        await using var call = await ResilientCall.OpenAsync(ResilienceServer.Settings(), aliceThroughProxy: true);
        var proxy = call.AliceProxy!;
        var issued = DateTimeOffset.UtcNow;
        var expires = issued.AddSeconds(10);
        var shortToken = TokenGenerator.Generate(CallServer.Project, call.SessionId, new TokenOptions { Data = "name=alice", ExpireTime = expires }, issued);
        await call.StartAsync(aliceToken: shortToken);
        Assert.True(proxy.ConnectionsForwarded > 0, "alice's browser did not go through the proxy");
        var aliceConnection = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        // As the issue says: join, wait 20 s (the token has long expired), then cut — only the resume secret can bring Alice back.
        var wait = issued.AddSeconds(20) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var cutAt = await ResilientCall.NowAsync(call.Alice);
        proxy.Cut();
        await call.Alice.WaitForEventAsync("session", "sessionReconnecting", timeoutMs: 3_000);
        await call.Bob.WaitForEventAsync("subscriber", "disconnected", timeoutMs: 3_000);

        // A signal sent while reconnecting waits and goes out after the resume; one with retryAfterReconnect:false fails now.
        await call.Alice.EvalAsync("(() => { H.queuedSignal = H.signal({ type: 'queued', data: 'sent-while-cut' }); return true; })()");
        var refused = await call.Alice.EvalAsync("H.signal({ type: 'dropped', data: 'x', retryAfterReconnect: false })");
        Assert.NotEqual(JsonValueKind.Null, refused.ValueKind);

        // Media is peer to peer: it keeps flowing while signaling is down.
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames during the cut", minimumGrowth: 5);
        await PeerConnectionProbe.WaitForGrowthAsync(call.Alice.Page, s => s.FramesDecoded, "alice's frames during the cut", minimumGrowth: 5);

        var elapsed = await ResilientCall.NowAsync(call.Alice) - cutAt;
        if (elapsed < 5_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5_000 - elapsed));
        }

        proxy.Restore();
        await call.Alice.WaitForEventAsync("session", "sessionReconnected", timeoutMs: 8_000);
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync("H.queuedSignal")).ValueKind);
        var signal = await call.Bob.WaitForEventAsync("session", "signal:queued", "e.data === 'sent-while-cut'", timeoutMs: 3_000);
        Assert.Equal(aliceConnection, signal.GetProperty("from").GetString());
        Assert.Equal(1, await call.Bob.EvalAsync<int>("H.log.filter(e => e.type.startsWith('signal')).length"));
        await call.Bob.WaitForEventAsync("subscriber", "connected", $"e.t > {cutAt}", timeoutMs: 3_000);

        // Still the same connection and stream on both sides, nobody left, media still flowing both ways.
        Assert.Equal(aliceConnection, await call.Alice.EvalAsync<string>("H.session.connection.connectionId"));
        Assert.Equal(aliceStream, await call.Alice.EvalAsync<string>("H.publisher.streamId"));
        Assert.True(await call.Bob.EvalAsync<bool>($"H.session.streams.has('{aliceStream}') && H.session.connections.has('{aliceConnection}')"));
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Bob));
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Alice));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after the resume", minimumGrowth: 5);
        await PeerConnectionProbe.WaitForGrowthAsync(call.Alice.Page, s => s.FramesDecoded, "alice's frames after the resume", minimumGrowth: 5);

        // Signaling really works again after the resume.
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync("H.signal({ type: 'after', data: 'back' })")).ValueKind);
        await call.Bob.WaitForEventAsync("session", "signal:after", "e.data === 'back'", timeoutMs: 3_000);
    }

    [Fact]
    public async Task FortySecondCutOutlastsTheDefaultGraceAndEndsTheCallWithNetworkDisconnectedOnBothSides()
    {
        // The scenario at the default 20 s grace: a 40 s cut outlasts it.
        var grace = TimeSpan.FromSeconds(20);
        await using var call = await ResilientCall.OpenAsync(ResilienceServer.Settings(grace), aliceThroughProxy: true);
        await call.StartAsync();
        var aliceConnection = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");

        var cutAt = DateTimeOffset.UtcNow;
        call.AliceProxy!.Cut();
        await call.Alice.WaitForEventAsync("session", "sessionReconnecting", timeoutMs: 3_000);
        var limit = (float)(grace + TimeSpan.FromSeconds(5)).TotalMilliseconds;
        var streamGone = await call.Bob.WaitForEventAsync("session", "streamDestroyed", $"e.streamId === '{aliceStream}'", timeoutMs: limit);
        var connectionGone = await call.Bob.WaitForEventAsync("session", "connectionDestroyed", $"e.connectionId === '{aliceConnection}'", timeoutMs: 5_000);
        var own = await call.Alice.WaitForEventAsync("session", "sessionDisconnected", timeoutMs: limit);
        Assert.Equal("networkDisconnected", streamGone.GetProperty("reason").GetString());
        Assert.Equal("networkDisconnected", connectionGone.GetProperty("reason").GetString());
        Assert.Equal("networkDisconnected", own.GetProperty("reason").GetString());
        Assert.Equal(0, await ResilientCall.CountAsync(call.Alice, "session", "sessionReconnected"));

        // Restoring the path after 40 s changes nothing: the connection is over and stays over.
        var rest = cutAt.AddSeconds(40) - DateTimeOffset.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        call.AliceProxy.Restore();
        await Task.Delay(1_000);
        Assert.False(await call.Alice.EvalAsync<bool>("H.session.isConnected()"));
        Assert.Equal(1, await call.Bob.EvalAsync<int>("H.session.connections.length()"));
    }
}
