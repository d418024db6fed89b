using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Testing;
using Duet.Testing.Browser;
using Duet.Testing.Faults;

namespace Duet.Browser.Tests;

/// <summary>
/// The signaling socket drops while media keeps flowing peer to peer: the SDK resumes within the grace period
/// (sessionReconnecting → sessionReconnected), or reports networkDisconnected when it cannot. Bob reaches the
/// server through a proxy the test cuts, on another origin than the page (no CORS needed).
/// </summary>
public sealed class ReconnectionTests(ShortGraceServer server) : IClassFixture<ShortGraceServer>
{
    [Fact]
    public async Task ASocketDropIsResumedAndMediaAndQueuedSignalsSurvive()
    {
        await using var proxy = new TcpFaultProxy(server.Process.Port);
        await using var call = await Call.OpenAsync(server);
        await call.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId));
        await call.Bob.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), sessionOptionsJson: JsonSerializer.Serialize(new { apiUrl = proxy.BaseUri.ToString() }));
        await call.Alice.WaitForEventAsync("subscriber", "connected");
        await call.Bob.WaitForEventAsync("subscriber", "connected");
        await PeerConnectionProbe.WaitForInboundMediaAsync(call.Bob.Page);
        var bobConnection = await call.Bob.EvalAsync<string>("H.session.connection.connectionId");

        proxy.Cut();
        await call.Bob.WaitForEventAsync("session", "sessionReconnecting", timeoutMs: 5000);
        await call.Alice.WaitForEventAsync("subscriber", "disconnected", timeoutMs: 5000);
        // Media is peer to peer: it keeps playing while signaling is down.
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames while reconnecting", 5);
        Assert.Equal(JsonValueKind.Null, (await call.Alice.EvalAsync("H.signal({ type: 'chat', data: 'while you were away' })")).ValueKind);

        proxy.Restore();
        await call.Bob.WaitForEventAsync("session", "sessionReconnected", timeoutMs: 5000);
        await call.Alice.WaitForEventAsync("subscriber", "connected", "H.log.filter(x => x.src === 'subscriber' && x.type === 'connected').length >= 2", timeoutMs: 5000);
        await call.Bob.WaitForEventAsync("session", "signal:chat", "e.data === 'while you were away'", timeoutMs: 5000);
        Assert.Equal(bobConnection, await call.Bob.EvalAsync<string>("H.session.connection.connectionId"));
        Assert.Empty(await call.Alice.EventsAsync("session", "connectionDestroyed"));
        Assert.Empty(await call.Bob.EventsAsync("session", "sessionDisconnected"));

        // Signaling works again after the resume, both ways.
        Assert.Equal(JsonValueKind.Null, (await call.Bob.EvalAsync("H.signal({ type: 'chat', data: 'back' })")).ValueKind);
        await call.Alice.WaitForEventAsync("session", "signal:chat", "e.data === 'back'", timeoutMs: 3000);
        await call.Bob.EvalAsync("void H.publisher.publishVideo(false)");
        await call.Alice.WaitForEventAsync("subscriber", "videoDisabled", "e.reason === 'publishVideo'", timeoutMs: 3000);
    }

    [Fact]
    public async Task ADropLongerThanTheGracePeriodEndsTheSessionWithNetworkDisconnected()
    {
        await using var proxy = new TcpFaultProxy(server.Process.Port);
        await using var call = await Call.OpenAsync(server);
        await call.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId));
        await call.Bob.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), sessionOptionsJson: JsonSerializer.Serialize(new { apiUrl = proxy.BaseUri.ToString() }));
        await call.Bob.WaitForEventAsync("subscriber", "connected");

        proxy.Cut();
        await call.Bob.WaitForEventAsync("session", "sessionReconnecting", timeoutMs: 5000);
        var timeout = (float)(ShortGraceServer.Grace + TimeSpan.FromSeconds(5)).TotalMilliseconds;
        var ended = await call.Bob.WaitForEventAsync("session", "sessionDisconnected", timeoutMs: timeout);
        Assert.Equal("networkDisconnected", ended.GetProperty("reason").GetString());
        var gone = await call.Alice.WaitForEventAsync("session", "connectionDestroyed", timeoutMs: timeout);
        Assert.Equal("networkDisconnected", gone.GetProperty("reason").GetString());
        await call.Alice.WaitForEventAsync("session", "streamDestroyed", "e.reason === 'networkDisconnected'", timeoutMs: 5000);
    }
}
