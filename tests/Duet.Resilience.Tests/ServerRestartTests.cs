using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Core.Tokens;
using Duet.Resilience.Tests.Infrastructure;
using Duet.Testing.Browser;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Duet.Resilience.Tests;

/// <summary>Issue 6: the server process restarts (same port, same data directory) during a call.</summary>
public sealed class ServerRestartTests
{
    [Fact]
    public async Task BothUsersAreBackWithTheirStreamsAndMediaWithinTheGracePeriod()
    {
        // The default grace period: a restart includes the server's own start-up, which a loaded machine slows down.
        var grace = TimeSpan.FromSeconds(20);
        await using var call = await ResilientCall.OpenAsync(ResilienceServer.Settings(grace));
        await call.StartAsync();
        var aliceConnection = await call.Alice.EvalAsync<string>("H.session.connection.connectionId");
        var bobConnection = await call.Bob.EvalAsync<string>("H.session.connection.connectionId");
        var aliceStream = await call.Alice.EvalAsync<string>("H.publisher.streamId");
        var bobStream = await call.Bob.EvalAsync<string>("H.publisher.streamId");

        var restartedAt = await ResilientCall.NowAsync(call.Alice);
        await call.Server.Process.RestartAsync();
        var serverUpAfter = await ResilientCall.NowAsync(call.Alice) - restartedAt;
        var limit = (float)grace.TotalMilliseconds;
        await call.Alice.WaitForEventAsync("session", "sessionReconnecting", $"e.t >= {restartedAt}", timeoutMs: limit);
        await call.Bob.WaitForEventAsync("session", "sessionReconnecting", $"e.t >= {restartedAt}", timeoutMs: limit);
        await call.Alice.WaitForEventAsync("session", "sessionReconnected", timeoutMs: limit);
        await call.Bob.WaitForEventAsync("session", "sessionReconnected", timeoutMs: limit);

        // Each side's subscriber reconnects to the other's re-published stream (same ids as before the restart).
        await call.Alice.WaitForEventAsync("subscriber", "connected", $"e.t > {restartedAt}", timeoutMs: limit);
        await call.Bob.WaitForEventAsync("subscriber", "connected", $"e.t > {restartedAt}", timeoutMs: limit);
        var backAt = await ResilientCall.NowAsync(call.Alice);
        Assert.True(backAt - restartedAt < grace.TotalMilliseconds, $"back after {backAt - restartedAt} ms (server up after {serverUpAfter} ms); alice: {await call.Alice.EventsJsonAsync()}\nbob: {await call.Bob.EventsJsonAsync()}");

        Assert.Equal(aliceConnection, await call.Alice.EvalAsync<string>("H.session.connection.connectionId"));
        Assert.Equal(bobConnection, await call.Bob.EvalAsync<string>("H.session.connection.connectionId"));
        Assert.Equal(aliceStream, await call.Alice.EvalAsync<string>("H.publisher.streamId"));
        Assert.Equal(bobStream, await call.Bob.EvalAsync<string>("H.publisher.streamId"));
        Assert.True(await call.Bob.EvalAsync<bool>($"H.session.streams.has('{aliceStream}') && H.session.connections.has('{aliceConnection}')"));
        Assert.True(await call.Alice.EvalAsync<bool>($"H.session.streams.has('{bobStream}') && H.session.connections.has('{bobConnection}')"));
        await PeerConnectionProbe.WaitForGrowthAsync(call.Alice.Page, s => s.FramesDecoded, "alice's frames after the restart", minimumGrowth: 5);
        await PeerConnectionProbe.WaitForGrowthAsync(call.Bob.Page, s => s.FramesDecoded, "bob's frames after the restart", minimumGrowth: 5);

        // The restarted server holds both again (its REST view agrees), and nobody was told anyone left.
        var aliceSignal = await call.Alice.EvalAsync("H.signal({ type: 'hello', data: 'after-restart' })");
        Assert.Equal(JsonValueKind.Null, aliceSignal.ValueKind);
        await call.Bob.WaitForEventAsync("session", "signal:hello", "e.data === 'after-restart'", timeoutMs: 3_000);
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Alice));
        Assert.Empty(await ResilientCall.LeaveEventsAsync(call.Bob));
        Assert.Equal(0, await ResilientCall.CountAsync(call.Bob, "session", "streamCreated", restartedAt));
    }

    [Fact]
    public async Task AfterARestartAResumeSecretStillWorksButNotOneOfAForceDisconnectedConnection()
    {
        await using var server = new ResilienceServer(ResilienceServer.Settings(TimeSpan.FromSeconds(20)));
        await server.InitializeAsync();
        var session = await server.CreateSessionAsync();

        await using var moderator = await HubAsync(server.BaseUri);
        await using var kept = await HubAsync(server.BaseUri);
        await using var kicked = await HubAsync(server.BaseUri);
        Ok(await InvokeAsync(moderator, "Connect", ConnectArgs(session, Role.Moderator)));
        var keptSnapshot = Ok(await InvokeAsync(kept, "Connect", ConnectArgs(session, Role.Publisher)));
        var kickedSnapshot = Ok(await InvokeAsync(kicked, "Connect", ConnectArgs(session, Role.Publisher)));
        var kickedId = kickedSnapshot.GetProperty("connection").GetProperty("connectionId").GetString()!;
        Ok(await InvokeAsync(moderator, "ForceDisconnect", kickedId));

        await server.Process.RestartAsync();

        await using var again = await HubAsync(server.BaseUri);
        var refused = await InvokeAsync(again, "Resume", ResumeArgs(session, kickedSnapshot));
        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal(1004, refused.GetProperty("error").GetProperty("code").GetInt32());

        // The same kind of secret of a connection that was not ended restores it, same id and data, on the new process.
        var restored = Ok(await InvokeAsync(again, "Resume", ResumeArgs(session, keptSnapshot)));
        Assert.True(restored.GetProperty("restored").GetBoolean());
        Assert.Equal(keptSnapshot.GetProperty("connection").GetRawText(), restored.GetProperty("connection").GetRawText());

        // A tampered secret is refused.
        await using var forger = await HubAsync(server.BaseUri);
        var secret = keptSnapshot.GetProperty("resumeSecret").GetString()!;
        var forged = await InvokeAsync(forger, "Resume", new
        {
            sessionId = session,
            connectionId = keptSnapshot.GetProperty("connection").GetProperty("connectionId").GetString(),
            resumeSecret = secret[..^2] + (secret.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"),
        });
        Assert.False(forged.GetProperty("ok").GetBoolean());
    }

    private static object ConnectArgs(string session, Role role) => new
    {
        apiKey = CallServer.ApiKey,
        sessionId = session,
        token = CallServer.Token(session, role),
    };

    private static object ResumeArgs(string session, JsonElement snapshot) => new
    {
        sessionId = session,
        connectionId = snapshot.GetProperty("connection").GetProperty("connectionId").GetString(),
        resumeSecret = snapshot.GetProperty("resumeSecret").GetString(),
    };

    private static async Task<HubConnection> HubAsync(Uri baseUri)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "/v2/signaling"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task<JsonElement> InvokeAsync(HubConnection hub, string method, object arg) =>
        (JsonElement)(await hub.InvokeCoreAsync(method, typeof(JsonElement), [arg]).WaitAsync(TimeSpan.FromSeconds(15)))!;

    private static JsonElement Ok(JsonElement result)
    {
        Assert.True(result.GetProperty("ok").GetBoolean(), result.GetRawText());
        return result.TryGetProperty("value", out var value) ? value : default;
    }
}
