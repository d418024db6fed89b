using System.Text.Json;
using Duet.Browser.Tests.Infrastructure;
using Duet.Core.Tokens;
using Duet.Testing.Browser;

namespace Duet.Browser.Tests;

/// <summary>Issue 4, test 7: the server's refusals reach the app as OT errors, through callbacks and OT.exception.</summary>
public sealed class RefusalTests(CallServer server) : IClassFixture<CallServer>, IAsyncLifetime
{
    private BrowserUser _user = null!;

    public async Task InitializeAsync() => _user = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "refused" });

    public async Task DisposeAsync() => await _user.DisposeAsync();

    [Fact]
    public async Task BadAndExpiredTokensFailWith1004InTheCallbackAndOtException()
    {
        var sessionId = await server.CreateSessionAsync();
        foreach (var token in new[] { "T1==garbage", CallServer.ExpiredToken(sessionId), CallServer.Token(await server.CreateSessionAsync()) })
        {
            var page = await CallPage.OpenAsync(_user, server.BaseUri);
            var error = await page.ConnectAsync(sessionId, token);
            Assert.Equal(1004, error.GetProperty("code").GetInt32());
            Assert.Equal("OT_AUTHENTICATION_ERROR", error.GetProperty("name").GetString());
            var exception = await page.WaitForEventAsync("OT", "exception", "e.code === 1004", timeoutMs: 2000);
            Assert.Equal(1004, exception.GetProperty("code").GetInt32());
            Assert.False(await page.EvalAsync<bool>("H.session.isConnected()"));
            Assert.Empty(await page.EventsAsync("session", "sessionConnected"));
            await page.Page.CloseAsync();
        }
    }

    [Fact]
    public async Task AWellFormedButUnknownSessionFailsWith1005()
    {
        // A session id this project could have issued, and a valid token for it, but the session was never created.
        var unknown = Duet.Core.Sessions.SessionId.Create(Duet.Testing.DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow);
        var page = await CallPage.OpenAsync(_user, server.BaseUri);
        var error = await page.ConnectAsync(unknown, CallServer.Token(unknown));
        Assert.Equal(1005, error.GetProperty("code").GetInt32());
        Assert.Equal("OT_INVALID_SESSION_ID", error.GetProperty("name").GetString());
        await page.WaitForEventAsync("OT", "exception", "e.code === 1005", timeoutMs: 2000);
    }

    [Fact]
    public async Task AnUnreachableServerFailsWith1006()
    {
        var closedPort = Duet.Testing.FreePort.Next();
        var page = await CallPage.OpenAsync(_user, server.BaseUri);
        var sessionId = await server.CreateSessionAsync();
        var error = await page.ConnectAsync(sessionId, CallServer.Token(sessionId), $"{{ apiUrl: 'http://127.0.0.1:{closedPort}' }}");
        Assert.Equal(1006, error.GetProperty("code").GetInt32());
        Assert.Equal("OT_CONNECT_FAILED", error.GetProperty("name").GetString());
        await page.WaitForEventAsync("OT", "exception", "e.code === 1006", timeoutMs: 2000);
    }

    [Fact]
    public async Task APeerConnectionThatCannotBeCreatedFailsTheSubscribeWith1013()
    {
        var sessionId = await server.CreateSessionAsync();
        await using var other = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "publisher" });
        var publisher = await CallPage.OpenAsync(other, server.BaseUri);
        await publisher.JoinAsync(sessionId, CallServer.Token(sessionId));
        var page = await CallPage.OpenAsync(_user, server.BaseUri);
        // An ICE server URL the browser rejects: new RTCPeerConnection throws.
        Assert.Equal(JsonValueKind.Null, (await page.ConnectAsync(sessionId, CallServer.Token(sessionId), "{ iceConfig: { includeServers: 'custom', customServers: [{ urls: 'bogus:127.0.0.1' }] } }")).ValueKind);
        await page.WaitForEventAsync("session", "streamCreated");
        var error = await page.EvalAsync("H.subscribe(H.session.streams.find())");
        Assert.Equal(1013, error.GetProperty("code").GetInt32());
        await page.WaitForEventAsync("OT", "exception", "e.code === 1013", timeoutMs: 2000);
        await page.WaitForEventAsync("subscriber", "destroyed", timeoutMs: 2000);
    }

    [Fact]
    public async Task SubscriberRolePublishFailsWith1500()
    {
        var sessionId = await server.CreateSessionAsync();
        var page = await CallPage.OpenAsync(_user, server.BaseUri);
        var connected = await page.ConnectAsync(sessionId, CallServer.Token(sessionId, Role.Subscriber));
        Assert.Equal(JsonValueKind.Null, connected.ValueKind);
        Assert.Equal(0, await page.EvalAsync<int>("H.session.capabilities.publish"));
        Assert.Equal(JsonValueKind.Null, (await page.EvalAsync("H.initPublisher({})")).ValueKind);

        var error = await page.EvalAsync("H.publish()");
        Assert.Equal(1500, error.GetProperty("code").GetInt32());
        Assert.Equal("OT_PERMISSION_DENIED", error.GetProperty("name").GetString());
        await page.WaitForEventAsync("OT", "exception", "e.code === 1500", timeoutMs: 2000);
        Assert.Null(await page.EvalAsync<string?>("H.publisher.streamId ?? null"));
    }

    [Fact]
    public async Task NonModeratorForceDisconnectFailsWith1520AndModeratorSucceeds()
    {
        var sessionId = await server.CreateSessionAsync();
        var publisher = await CallPage.OpenAsync(_user, server.BaseUri);
        Assert.Equal(JsonValueKind.Null, (await publisher.ConnectAsync(sessionId, CallServer.Token(sessionId))).ValueKind);
        await using var other = await ChromiumLauncher.LaunchAsync(new BrowserUserOptions { Name = "moderator" });
        var moderator = await CallPage.OpenAsync(other, server.BaseUri);
        Assert.Equal(JsonValueKind.Null, (await moderator.ConnectAsync(sessionId, CallServer.Token(sessionId, Role.Moderator))).ValueKind);
        var moderatorConnection = await moderator.EvalAsync<string>("H.session.connection.connectionId");
        await publisher.WaitForEventAsync("session", "connectionCreated", $"e.connectionId === '{moderatorConnection}'");

        var refused = await publisher.EvalAsync($"new Promise(r => H.session.forceDisconnect(H.session.connections.find('{moderatorConnection}'), e => r(e ? {{ code: e.code, name: e.name }} : null)))");
        Assert.Equal(1520, refused.GetProperty("code").GetInt32());
        Assert.Equal("OT_PERMISSION_DENIED", refused.GetProperty("name").GetString());
        await publisher.WaitForEventAsync("OT", "exception", "e.code === 1520", timeoutMs: 2000);

        var publisherConnection = await publisher.EvalAsync<string>("H.session.connection.connectionId");
        var ok = await moderator.EvalAsync($"new Promise(r => H.session.forceDisconnect('{publisherConnection}', e => r(e ? {{ code: e.code }} : null)))");
        Assert.Equal(JsonValueKind.Null, ok.ValueKind);
        var kicked = await publisher.WaitForEventAsync("session", "sessionDisconnected", timeoutMs: 3000);
        Assert.Equal("forceDisconnected", kicked.GetProperty("reason").GetString());
        var seen = await moderator.WaitForEventAsync("session", "connectionDestroyed", $"e.connectionId === '{publisherConnection}'", timeoutMs: 3000);
        Assert.Equal("forceDisconnected", seen.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ForceUnpublishOfAStreamNotInTheSessionFailsWith1535()
    {
        var sessionId = await server.CreateSessionAsync();
        var moderator = await CallPage.OpenAsync(_user, server.BaseUri);
        Assert.Equal(JsonValueKind.Null, (await moderator.ConnectAsync(sessionId, CallServer.Token(sessionId, Role.Moderator))).ValueKind);

        var refused = await moderator.EvalAsync("new Promise(r => H.session.forceUnpublish('no-such-stream', e => r(e ? { code: e.code, name: e.name } : null)))");
        Assert.Equal(1535, refused.GetProperty("code").GetInt32());
        Assert.Equal("OT_PERMISSION_DENIED", refused.GetProperty("name").GetString());
        await moderator.WaitForEventAsync("OT", "exception", "e.code === 1535", timeoutMs: 2000);
        Assert.True(await moderator.EvalAsync<bool>("H.session.isConnected()"));
    }
}
