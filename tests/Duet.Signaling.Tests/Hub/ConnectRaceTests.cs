using System.Net.WebSockets;
using System.Text;
using Duet.ServerSdk;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;

namespace Duet.Signaling.Tests.Hub;

[Collection(TightServerCollection.Name)]
public sealed class ConnectRaceTests(TightServer server)
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task ASocketThatClosesWhileItsConnectIsInFlightLeavesNoConnectionBehind()
    {
        // The socket's close was handled before Connect added the connection, which then stayed bound to a dead socket
        // forever: never reconnecting, never removed, and holding one of the session's places (a room stayed full).
        var session = await server.CreateSessionAsync(maxConnections: 1000);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => ConnectThenAbortAsync(session)));

        await AssertNoConnectionIsLeftAsync(session);
    }

    [Fact]
    public async Task ASocketThatClosesWhileItsResumeIsInFlightStillEndsTheConnectionAfterTheGrace()
    {
        var session = await server.CreateSessionAsync(maxConnections: 1000);
        var clients = new List<TestClient>();
        for (var i = 0; i < 30; i++)
        {
            clients.Add((await server.JoinAsync(session)).Client);
        }

        // Each connection is taken over by a new socket (its old one is closed) that dies while its Resume runs.
        await Task.WhenAll(clients.Select(c => InvokeThenAbortAsync("Resume",
            $$"""{"sessionId":"{{session}}","connectionId":"{{c.ConnectionId}}","resumeSecret":"{{c.ResumeSecret}}"}""")));

        // A Resume the server never read (the abort won) left its connection on the old socket: drop that one too.
        foreach (var client in clients)
        {
            client.KillSocket();
        }

        await AssertNoConnectionIsLeftAsync(session);
    }

    private async Task AssertNoConnectionIsLeftAsync(string session)
    {
        // Every connection that got in has a 1 s grace period at most; give them time to run out.
        using var sdk = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, server.BaseUri.ToString().TrimEnd('/'));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<ConnectionInfo> left;
        while ((left = await sdk.ListConnectionsAsync(session)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Empty(left);
    }

    private Task ConnectThenAbortAsync(string session) => InvokeThenAbortAsync("Connect",
        $$"""{"apiKey":"{{DuetServerProcess.ApiKey}}","sessionId":"{{session}}","token":"{{SignalingServer.Token(session)}}"}""");

    /// <summary>Sends the handshake and one invocation in one write, then cuts the socket without waiting for the reply.</summary>
    private async Task InvokeThenAbortAsync(string method, string argumentJson)
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.BaseUri) { Scheme = "ws", Path = "/v2/signaling" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        var payload = "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator
            + "{\"type\":1,\"invocationId\":\"1\",\"target\":\"" + method + "\",\"arguments\":[" + argumentJson + "]}" + RecordSeparator;
        await socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, CancellationToken.None);
        socket.Abort();
    }
}
