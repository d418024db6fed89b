using System.Net;
using System.Net.Http.Json;
using Duet.Core.Tokens;
using Duet.Testing;

namespace Duet.Server.Tests.Rooms;

public class RoomsApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private DuetServerProcess Server => fixture.Server;

    [Fact]
    public async Task ARoomReusesItsSessionAndHandsOutAFreshPublisherTokenEachTime()
    {
        using var http = RestAuth.Client(Server);

        var first = await http.GetFromJsonAsync<Credentials>("/api/rooms/standup-42");
        var second = await http.GetFromJsonAsync<Credentials>("/api/rooms/Standup-42");
        var other = await http.GetFromJsonAsync<Credentials>("/api/rooms/retro");

        Assert.Equal(DuetServerProcess.ApiKey, first!.ApiKey);
        Assert.Equal(first.SessionId, second!.SessionId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.SessionId, other!.SessionId);

        var session = await ServerData.FindSessionAsync(Server, first.SessionId);
        Assert.NotNull(session);
        Assert.Equal(2, session.MaxConnections);
        foreach (var token in new[] { first.Token, second.Token })
        {
            var verification = TokenVerifier.Verify(token, ServerData.SeededProject, first.SessionId, session, DateTimeOffset.UtcNow);
            Assert.True(verification.IsValid, verification.Refusal.ToString());
            Assert.Equal(Role.Publisher, verification.Claims.Role);
        }

        Assert.Equal(TokenRefusal.SessionMismatch,
            TokenVerifier.Verify(first.Token, ServerData.SeededProject, other.SessionId, await ServerData.FindSessionAsync(Server, other.SessionId), DateTimeOffset.UtcNow).Refusal);
    }

    [Fact]
    public async Task ConcurrentFirstCallsForARoomShareOneSession()
    {
        using var http = RestAuth.Client(Server);

        var all = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => http.GetFromJsonAsync<Credentials>("/api/rooms/busy-room")));

        Assert.Single(all.Select(c => c!.SessionId).Distinct());
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("dot.name")]
    [InlineData("%C3%A9t%C3%A9")]
    [InlineData("semi%3Bcolon")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task BadNamesAre400(string name)
    {
        using var http = RestAuth.Client(Server);

        using var response = await http.GetAsync("/api/rooms/" + name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ANameOf64AllowedCharactersIsFine()
    {
        using var http = RestAuth.Client(Server);

        using var response = await http.GetAsync("/api/rooms/" + new string('a', 60) + "-_9Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DisabledRoomsAre404AndConfiguredSizeIsUsed()
    {
        await using var disabled = await DuetServerProcess.StartAsync(new Dictionary<string, string> { ["Duet:Rooms:Enabled"] = "false" });
        using (var http = RestAuth.Client(disabled))
        using (var response = await http.GetAsync("/api/rooms/standup"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var large = await DuetServerProcess.StartAsync(new Dictionary<string, string> { ["Duet:Rooms:MaxConnections"] = "5" });
        using (var http = RestAuth.Client(large))
        {
            var credentials = await http.GetFromJsonAsync<Credentials>("/api/rooms/standup");
            Assert.Equal(5, (await ServerData.FindSessionAsync(large, credentials!.SessionId))!.MaxConnections);
        }
    }

    [Fact]
    public async Task ARoomKeepsItsProjectWhenTheDefaultProjectChanges()
    {
        await using var server = await DuetServerProcess.StartAsync();
        using (var http = RestAuth.Client(server))
        {
            await http.GetFromJsonAsync<Credentials>("/api/rooms/old-room");
        }

        await server.StopAsync();
        var otherSecret = new string('b', 40);
        await using var moved = await DuetServerProcess.StartAsync(
            new Dictionary<string, string> { ["Duet:Project:ApiKey"] = "47000009", ["Duet:Project:ApiSecret"] = otherSecret }, dataDir: server.DataDir);
        using var client = RestAuth.Client(moved);

        var old = await client.GetFromJsonAsync<Credentials>("/api/rooms/old-room");
        var fresh = await client.GetFromJsonAsync<Credentials>("/api/rooms/new-room");

        Assert.Equal(DuetServerProcess.ApiKey, old!.ApiKey);
        Assert.Equal(47000009, fresh!.ApiKey);
        var session = await ServerData.FindSessionAsync(moved, old.SessionId);
        Assert.True(TokenVerifier.Verify(old.Token, ServerData.SeededProject, old.SessionId, session, DateTimeOffset.UtcNow).IsValid);
    }

    private sealed record Credentials(int ApiKey, string SessionId, string Token);
}
