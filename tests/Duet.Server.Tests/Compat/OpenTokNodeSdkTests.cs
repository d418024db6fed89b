using System.Globalization;
using System.Text.Json;
using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Testing;

namespace Duet.Server.Tests.Compat;

/// <summary>The official OpenTok Node server SDK (npm opentok 2.23.2) against a real Duet server.</summary>
public class OpenTokNodeSdkTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly Project OtherProject = new(47000002, "fedcba9876543210fedcba9876543210fedcba98", "other", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task CreatesSessionsAndItsTokensAreAcceptedOnlyWhereTheyBelong()
    {
        var server = fixture.Server;
        var otherSessionId = SessionId.Create(OtherProject.ApiKey, "", DateTimeOffset.UtcNow);
        var output = await NodeScript.RunAsync(Path.Combine("Duet.Server.Tests", "Compat", "opentok-node.js"), server.BaseUri.ToString().TrimEnd('/'),
            DuetServerProcess.ApiKey.ToString(CultureInfo.InvariantCulture), DuetServerProcess.ApiSecret,
            OtherProject.ApiKey.ToString(CultureInfo.InvariantCulture), OtherProject.ApiSecret, otherSessionId);
        using var json = JsonDocument.Parse(output);
        var r = json.RootElement;
        string S(string name) => r.GetProperty(name).GetString() ?? throw new InvalidOperationException(name + " missing in " + output);

        // createSession: relayed, routed (+ always archive, location) and defaults all succeed and are stored as asked.
        var relayed = await StoredAsync(r.GetProperty("relayed"));
        var routed = await StoredAsync(r.GetProperty("routed"));
        var defaults = await StoredAsync(r.GetProperty("defaults"));
        Assert.Equal(MediaMode.Relayed, relayed.MediaMode);
        Assert.Equal((MediaMode.Routed, ArchiveMode.Always, "10.20.30.40"), (routed.MediaMode, routed.ArchiveMode, routed.Location));
        Assert.Equal((MediaMode.Relayed, ArchiveMode.Manual), (defaults.MediaMode, defaults.ArchiveMode));

        // A wrong secret or an unknown project is an auth error in the SDK (403 → AuthError).
        Assert.Contains("Invalid API key or secret", r.GetProperty("wrongSecret").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("Invalid API key or secret", r.GetProperty("unknownProject").GetProperty("error").GetString(), StringComparison.Ordinal);

        var project = ServerData.SeededProject;
        var now = DateTimeOffset.UtcNow;

        var jwtDefault = TokenVerifier.Verify(S("jwtDefault"), project, relayed.Id, relayed, now);
        Assert.True(jwtDefault.IsValid, jwtDefault.Refusal.ToString());
        Assert.Equal((Role.Publisher, TokenFormat.Jwt, ""), (jwtDefault.Claims.Role, jwtDefault.Claims.Format, jwtDefault.Claims.ConnectionData));

        var expireTime = DateTimeOffset.FromUnixTimeSeconds(r.GetProperty("expireTime").GetInt64());
        foreach (var (name, format) in new[] { ("jwtWithOptions", TokenFormat.Jwt), ("t1WithOptions", TokenFormat.T1) })
        {
            Assert.Equal(format == TokenFormat.T1, S(name).StartsWith("T1==", StringComparison.Ordinal));
            var result = TokenVerifier.Verify(S(name), project, relayed.Id, relayed, now);
            Assert.True(result.IsValid, name + ": " + result.Refusal);
            Assert.Equal(new TokenClaims(project.ApiKey, relayed.Id, Role.Subscriber, result.Claims.CreatedAt, expireTime,
                "name=Ana Bell&lang=pt", "focus full", format), result.Claims);

            // The same token for another session of the project, or presented for another project, is refused.
            Assert.Equal(TokenRefusal.SessionMismatch, TokenVerifier.Verify(S(name), project, routed.Id, routed, now).Refusal);
            Assert.Equal(TokenRefusal.ApiKeyMismatch, TokenVerifier.Verify(S(name), OtherProject, relayed.Id, relayed, now).Refusal);
        }

        var moderator = TokenVerifier.Verify(S("t1Moderator"), project, routed.Id, routed, now);
        Assert.True(moderator.IsValid, moderator.Refusal.ToString());
        Assert.Equal(Role.Moderator, moderator.Claims.Role);

        // Tokens node made with another key for that key's session: refused for this project and its sessions.
        Assert.Equal(TokenRefusal.ApiKeyMismatch, TokenVerifier.Verify(S("otherJwt"), project, relayed.Id, relayed, now).Refusal);
        Assert.Equal(TokenRefusal.ApiKeyMismatch, TokenVerifier.Verify(S("otherT1"), project, relayed.Id, relayed, now).Refusal);
        Assert.Equal(TokenRefusal.ApiKeyMismatch, TokenVerifier.Verify(S("otherT1"), project, otherSessionId, null, now).Refusal);

        // REST calls on /v2/project/{key}/...: an unknown connection is a 404, a wrong secret an auth error.
        Assert.Equal("Session or Connection not found", r.GetProperty("forceDisconnectUnknown").GetProperty("message").GetString());
        Assert.Equal("Invalid API key or secret", r.GetProperty("forceDisconnectWrongSecret").GetProperty("message").GetString());
    }

    private async Task<Session> StoredAsync(JsonElement created)
    {
        Assert.True(created.TryGetProperty("sessionId", out var id), created.ToString());
        return await ServerData.FindSessionAsync(fixture.Server, id.GetString()!) ?? throw new InvalidOperationException("not stored: " + id);
    }
}
