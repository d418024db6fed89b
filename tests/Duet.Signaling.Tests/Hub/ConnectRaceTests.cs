using System.Net.WebSockets;
using System.Text;
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
        // forever: never reconnecting, never removed, and holding one of the session's places.
        var session = await server.CreateSessionAsync(maxConnections: 2);
        for (var i = 0; i < 20; i++)
        {
            await ConnectThenAbortAsync(session);
        }

        // Every connection that got in has a 1 s grace period at most; give them time to run out.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var first = await server.OpenClientAsync();
            var second = await server.OpenClientAsync();
            var replies = new[]
            {
                await first.ConnectAsync(session, SignalingServer.Token(session)),
                await second.ConnectAsync(session, SignalingServer.Token(session)),
            };
            if (replies.All(r => r.Ok))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The session stayed full: {string.Join(", ", replies.Select(r => r.ToString()))}");
            await first.DisposeAsync();
            await second.DisposeAsync();
            await Task.Delay(500);
        }
    }

    /// <summary>Sends the handshake and a Connect invocation in one write, then cuts the socket without waiting for the reply.</summary>
    private async Task ConnectThenAbortAsync(string session)
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.BaseUri) { Scheme = "ws", Path = "/v2/signaling" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        var token = SignalingServer.Token(session);
        var payload = "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator
            + "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Connect\",\"arguments\":[{\"apiKey\":\"" + DuetServerProcess.ApiKey
            + "\",\"sessionId\":\"" + session + "\",\"token\":\"" + token + "\"}]}" + RecordSeparator;
        await socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, CancellationToken.None);
        socket.Abort();
    }
}
