using System.Net;
using Duet.Core.Auth;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.ServerSdk;
using Duet.Testing;

namespace Duet.Server.Tests.ServerSdk;

public class DuetClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private DuetServerProcess Server => fixture.Server;

    private DuetClient NewClient(string secret = DuetServerProcess.ApiSecret, HttpClient? http = null) =>
        http is null
            ? new DuetClient(DuetServerProcess.ApiKey, secret, Server.BaseUri.ToString())
            : new DuetClient(DuetServerProcess.ApiKey, secret, Server.BaseUri.ToString(), http);

    [Theory]
    [InlineData(MediaMode.Relayed, ArchiveMode.Manual, "")]
    [InlineData(MediaMode.Routed, ArchiveMode.Always, "192.168.1.9")]
    public async Task CreatesSessionsTheServerStores(MediaMode media, ArchiveMode archive, string location)
    {
        using var client = NewClient();

        var session = await client.CreateSessionAsync(location, media, archive);

        var stored = await ServerData.FindSessionAsync(Server, session.Id);
        Assert.NotNull(stored);
        Assert.Equal((media, archive, location, DuetServerProcess.ApiKey), (stored.MediaMode, stored.ArchiveMode, stored.Location, stored.ApiKey));
        Assert.Equal(new CreatedSession(session.Id, DuetServerProcess.ApiKey, media, archive, location), session);
    }

    [Theory]
    [InlineData(TokenFormat.Jwt)]
    [InlineData(TokenFormat.T1)]
    public async Task GeneratedTokensVerifyAgainstTheStoredSession(TokenFormat format)
    {
        using var client = NewClient();
        var session = await client.CreateSessionAsync();
        var expires = DateTimeOffset.UtcNow.AddHours(5);

        var token = client.GenerateToken(session.Id, Role.Subscriber, expires, "user=7", ["full"], format);

        var stored = await ServerData.FindSessionAsync(Server, session.Id);
        var result = TokenVerifier.Verify(token, ServerData.SeededProject, session.Id, stored, DateTimeOffset.UtcNow);
        Assert.True(result.IsValid, result.Refusal.ToString());
        Assert.Equal((Role.Subscriber, "user=7", "full", format), (result.Claims.Role, result.Claims.ConnectionData, result.Claims.InitialLayoutClassList, result.Claims.Format));
        Assert.Equal(expires.ToUnixTimeSeconds(), result.Claims.ExpiresAt.ToUnixTimeSeconds());
    }

    [Fact]
    public void TokenOptionsOutsideTheLimitsAreRefusedLocally()
    {
        using var client = NewClient();
        var foreign = SessionId.Create(47000002, "", DateTimeOffset.UtcNow);

        Assert.Throws<ArgumentException>(() => client.GenerateToken(foreign));
        Assert.Throws<ArgumentException>(() => client.GenerateToken(SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow), data: new string('x', 1001)));
    }

    [Fact]
    public async Task EveryRequestCarriesAValidAuthHeader()
    {
        var seen = new List<HttpRequestMessage>();
        using var http = new HttpClient(new RecordingHandler(seen));
        using var client = NewClient(http: http);

        await client.CreateSessionAsync();
        await Assert.ThrowsAsync<DuetApiException>(() => client.ListStreamsAsync(SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow)));

        Assert.Equal(2, seen.Count);
        foreach (var request in seen)
        {
            var header = Assert.Single(request.Headers.GetValues("X-OPENTOK-AUTH"));
            Assert.Equal(ProjectAuthResult.Ok, ProjectAuthVerifier.Verify(header, ServerData.SeededProject, DateTimeOffset.UtcNow));
            Assert.StartsWith("Duet-DotNet-SDK/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("/session/create", seen[0].RequestUri!.AbsolutePath);
        Assert.Matches($"^/v2/project/{DuetServerProcess.ApiKey}/session/1_[^/_]+/stream$", seen[1].RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AWrongSecretIsA403WithTheServersMessage()
    {
        using var client = NewClient(secret: new string('f', 40));

        var create = await Assert.ThrowsAsync<DuetApiException>(() => client.CreateSessionAsync());
        var list = await Assert.ThrowsAsync<DuetApiException>(() => client.ListConnectionsAsync(SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("signature", create.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CallsAboutASessionThatDoesNotExistAre404()
    {
        using var client = NewClient();
        var missing = SessionId.Create(DuetServerProcess.ApiKey, "", DateTimeOffset.UtcNow);

        var calls = new Func<Task>[]
        {
            () => client.SignalAsync(missing, "chat", "hi"),
            () => client.SignalAsync(missing, "chat", "hi", "some-connection"),
            () => client.ForceDisconnectAsync(missing, "some-connection"),
            () => client.ListStreamsAsync(missing),
            () => client.GetStreamAsync(missing, "some-stream"),
            () => client.ForceMuteStreamAsync(missing, "some-stream"),
            () => client.ForceMuteAllAsync(missing, ["a"]),
            () => client.DisableForceMuteAsync(missing),
            () => client.ListConnectionsAsync(missing),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<DuetApiException>(call);
            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        }
    }

    [Fact]
    public async Task BadArgumentsAreRefusedBeforeAnyRequest()
    {
        using var client = NewClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSessionAsync("", MediaMode.Relayed, ArchiveMode.Always));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateSessionAsync("not-an-ip"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.ForceDisconnectAsync("1_abc", ""));
        Assert.Throws<ArgumentException>(() => new DuetClient(1, "s", "not a url"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuetClient(0, "s", "http://localhost"));
    }

    [Fact]
    public async Task AnUnreachableServerIsADuetApiException()
    {
        using var client = new DuetClient(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, $"http://127.0.0.1:{FreePort.Next()}");

        await Assert.ThrowsAsync<DuetApiException>(() => client.CreateSessionAsync());
    }

    private sealed class RecordingHandler(List<HttpRequestMessage> seen) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
