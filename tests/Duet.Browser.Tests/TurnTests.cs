using Duet.Browser.Tests.Infrastructure;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 11: with transportPolicy 'relay' the call goes through coturn using the server's ephemeral credentials.</summary>
public sealed class TurnTests(TurnCallServer server) : IClassFixture<TurnCallServer>
{
    [Fact]
    public async Task RelayOnlyCallFlowsThroughTurnWithEphemeralCredentials()
    {
        await using var call = await Call.OpenAsync(server);
        const string relayOnly = "{ iceConfig: { transportPolicy: 'relay' } }";
        await call.Alice.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), sessionOptionsJson: relayOnly);
        await call.Bob.JoinAsync(call.SessionId, CallServer.Token(call.SessionId), sessionOptionsJson: relayOnly);
        try
        {
            await call.Alice.WaitForEventAsync("subscriber", "connected", timeoutMs: 20_000);
            await call.Bob.WaitForEventAsync("subscriber", "connected", timeoutMs: 20_000);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\ncoturn:\n{server.Turn.Output}", e);
        }

        foreach (var side in new[] { call.Alice, call.Bob })
        {
            await PeerConnectionProbe.WaitForInboundMediaAsync(side.Page);
            var stats = await side.StatsAsync();
            Assert.Equal(2, stats.SelectedLocalCandidateTypes.Count);
            Assert.All(stats.SelectedLocalCandidateTypes, type => Assert.Equal("relay", type));
            Assert.All(stats.SelectedRemoteCandidateTypes, type => Assert.Equal("relay", type));

            // The relayed addresses are coturn's (its relay port range): it accepted the server-issued credentials.
            Assert.All(stats.SelectedLocalCandidatePorts, port => Assert.InRange(port, server.Turn.MinRelayPort, server.Turn.MaxRelayPort));
        }

        // The credentials came from Duet's snapshot, not from the page: one TURN entry with "<expiry>:<connectionId>".
        Assert.True(await call.Alice.EvalAsync<bool>("""
            __duetProbe.pcs.every(pc => { const c = pc.getConfiguration();
              return c.iceTransportPolicy === 'relay' && c.iceServers.length === 1
                && new RegExp('^[0-9]+:' + H.session.connection.connectionId + '$').test(c.iceServers[0].username)
                && c.iceServers[0].urls.some(u => u.startsWith('turn:127.0.0.1')); })
            """));
    }
}
