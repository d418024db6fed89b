using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Storage.Sqlite;

namespace Duet.Cli.Tests;

public class TokenCommandTests
{
    private static async Task<(TempDir Dir, Project Project, Session Session)> ProjectWithSessionAsync()
    {
        var dir = new TempDir();
        (await Cli.RunAsync("project", "create", "--data-dir", dir.Path)).AssertOk();
        var created = await Cli.RunAsync("session", "create", "--data-dir", dir.Path);
        created.AssertOk();
        var database = SqliteDatabase.Open(dir.Path);
        var project = Assert.Single(await new SqliteProjectStore(database).ListAsync());
        return (dir, project, (await new SqliteSessionStore(database).FindAsync(created.Line))!);
    }

    [Theory]
    [InlineData("jwt", TokenFormat.Jwt)]
    [InlineData("t1", TokenFormat.T1)]
    public async Task TokenCreateOnTheDataDirectoryMakesATokenTheVerifierAccepts(string formatText, TokenFormat format)
    {
        var (dir, project, session) = await ProjectWithSessionAsync();
        using var _ = dir;

        var result = await Cli.RunAsync("token", "create", "--data-dir", dir.Path, "--session", session.Id, "--role", "subscriber",
            "--expires", "2h", "--data", "name=Ana Bell", "--layout", "focus big", "--format", formatText);

        result.AssertOk();
        var verification = TokenVerifier.Verify(result.Line, project, session.Id, session, DateTimeOffset.UtcNow);
        Assert.True(verification.IsValid, verification.Refusal.ToString());
        Assert.Equal((Role.Subscriber, "name=Ana Bell", "focus big", format),
            (verification.Claims.Role, verification.Claims.ConnectionData, verification.Claims.InitialLayoutClassList, verification.Claims.Format));
        Assert.InRange(verification.Claims.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(118), TimeSpan.FromMinutes(121));
    }

    [Fact]
    public async Task TokenCreateWithCredentialsNeedsNoDataDirectory()
    {
        var project = new Project(47000001, "0123456789abcdef0123456789abcdef01234567", "x", DateTimeOffset.UnixEpoch);
        var session = SessionFactory.Create(project.ApiKey, new SessionCreateOptions(), DateTimeOffset.UtcNow);

        var result = await Cli.RunAsync("token", "create", "--session", session.Id, "--api-key", "47000001", "--api-secret", project.ApiSecret,
            "--role", "moderator", "--format", "t1");

        result.AssertOk();
        var verification = TokenVerifier.Verify(result.Line, project, session.Id, session, DateTimeOffset.UtcNow);
        Assert.True(verification.IsValid, verification.Refusal.ToString());
        Assert.Equal(Role.Moderator, verification.Claims.Role);
    }

    [Theory]
    [InlineData("--role", "owner", "--role")]
    [InlineData("--expires", "soon", "--expires")]
    [InlineData("--expires", "31d", "30 days")]
    [InlineData("--format", "paseto", "--format")]
    public async Task TokenCreateRefusesBadOptions(string option, string value, string message)
    {
        var (dir, _, session) = await ProjectWithSessionAsync();
        using var __ = dir;

        (await Cli.RunAsync("token", "create", "--data-dir", dir.Path, "--session", session.Id, option, value)).AssertFailed(2, message);
    }

    [Fact]
    public async Task TokenCreateRefusesMissingOrUnknownSessions()
    {
        var (dir, project, _) = await ProjectWithSessionAsync();
        using var __ = dir;
        var unknown = SessionId.Create(project.ApiKey, "", DateTimeOffset.UtcNow);

        (await Cli.RunAsync("token", "create", "--data-dir", dir.Path)).AssertFailed(2, "--session is required");
        (await Cli.RunAsync("token", "create", "--data-dir", dir.Path, "--session", "nope")).AssertFailed(2, "not a session ID");
        (await Cli.RunAsync("token", "create", "--data-dir", dir.Path, "--session", unknown)).AssertFailed(1, "does not exist");
        (await Cli.RunAsync("token", "create", "--session", SessionId.Create(47000002, "", DateTimeOffset.UtcNow), "--api-key", "47000001",
            "--api-secret", new string('a', 40))).AssertFailed(2, "same project");
    }

    [Fact]
    public async Task TokenCreateRefusesDataOver1000Characters()
    {
        var (dir, _, session) = await ProjectWithSessionAsync();
        using var __ = dir;

        (await Cli.RunAsync("token", "create", "--data-dir", dir.Path, "--session", session.Id, "--data", new string('x', 1001))).AssertFailed(2, "1000");
    }
}
