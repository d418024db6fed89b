using Duet.Core.Sessions;
using Duet.Storage.Sqlite;
using Duet.Testing;

namespace Duet.Cli.Tests;

public class SessionCommandTests
{
    [Fact]
    public async Task SessionCreateOnTheDataDirectoryStoresTheSessionForTheProject()
    {
        using var dir = new TempDir();
        (await Cli.RunAsync("project", "create", "--data-dir", dir.Path)).AssertOk();
        var project = Assert.Single(await new SqliteProjectStore(SqliteDatabase.Open(dir.Path)).ListAsync());

        var result = await Cli.RunAsync("session", "create", "--data-dir", dir.Path, "--media-mode", "routed", "--archive-mode", "always",
            "--location", "10.9.8.7", "--max-connections", "3");

        result.AssertOk();
        var stored = await new SqliteSessionStore(SqliteDatabase.Open(dir.Path)).FindAsync(result.Line);
        Assert.Equal(new Session(result.Line, project.ApiKey, MediaMode.Routed, ArchiveMode.Always, "10.9.8.7", false, stored!.CreatedAt, 3), stored);
    }

    [Theory]
    [InlineData("--archive-mode", "always", "routed media mode")]
    [InlineData("--location", "somewhere", "IP address")]
    [InlineData("--media-mode", "mesh", "--media-mode")]
    [InlineData("--max-connections", "0", "--max-connections")]
    public async Task SessionCreateRefusesBadOptionsWithUsageErrors(string option, string value, string message)
    {
        using var dir = new TempDir();
        (await Cli.RunAsync("project", "create", "--data-dir", dir.Path)).AssertOk();

        (await Cli.RunAsync("session", "create", "--data-dir", dir.Path, option, value)).AssertFailed(2, message);
    }

    [Fact]
    public async Task SessionCreateForAnUnknownProjectFails()
    {
        using var dir = new TempDir();
        (await Cli.RunAsync("project", "create", "--data-dir", dir.Path)).AssertOk();

        (await Cli.RunAsync("session", "create", "--data-dir", dir.Path, "--api-key", "11111111")).AssertFailed(1, "No project has API key 11111111");
    }

    [Fact]
    public async Task SessionCreateThroughTheServerUsesItsRestApi()
    {
        await using var server = await DuetServerProcess.StartAsync();

        var result = await Cli.RunAsync("session", "create", "--server", server.BaseUri.ToString(), "--api-key", "47000001",
            "--api-secret", DuetServerProcess.ApiSecret, "--media-mode", "routed");

        result.AssertOk();
        var stored = await new SqliteSessionStore(SqliteDatabase.Open(server.DataDir)).FindAsync(result.Line);
        Assert.Equal(MediaMode.Routed, stored!.MediaMode);
    }

    [Fact]
    public async Task SessionCreateThroughTheServerReportsARefusalAndMissingCredentials()
    {
        await using var server = await DuetServerProcess.StartAsync();
        var url = server.BaseUri.ToString();

        (await Cli.RunAsync("session", "create", "--server", url, "--api-key", "47000001", "--api-secret", new string('0', 40)))
            .AssertFailed(1, "refused (403)");
        (await Cli.RunAsync("session", "create", "--server", url, "--api-key", "47000001")).AssertFailed(2, "--api-secret is required");
        (await Cli.RunAsync("session", "create", "--server", url, "--api-key", "47000001", "--api-secret", "x", "--e2ee")).AssertFailed(2, "--e2ee");
    }

    [Fact]
    public async Task SessionCreateAgainstNoServerSaysItCannotReachItRatherThanARefusal()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Cli.RunAsync("session", "create", "--server", $"http://127.0.0.1:{port}", "--api-key", "47000001",
            "--api-secret", new string('0', 40));

        result.AssertFailed(1, "Cannot reach");
        Assert.DoesNotContain("refused (0)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("ftp://localhost")]
    public async Task ABadServerUrlIsAUsageErrorInPlainWords(string url)
    {
        var result = await Cli.RunAsync("session", "create", "--server", url, "--api-key", "47000001", "--api-secret", new string('0', 40));

        result.AssertFailed(2, "The API URL must be an absolute http or https URL.");
        Assert.DoesNotContain("(Parameter", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectCreatedWithTheCliOnARunningServersDataDirectoryWorksAtOnce()
    {
        await using var server = await DuetServerProcess.StartAsync();
        var created = await Cli.RunAsync("project", "create", "--data-dir", server.DataDir);
        created.AssertOk();
        var lines = created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var apiKey = lines[0].Split(':')[1].Trim();
        var secret = lines[1].Split(':')[1].Trim();

        var result = await Cli.RunAsync("session", "create", "--server", server.BaseUri.ToString(), "--api-key", apiKey, "--api-secret", secret);

        result.AssertOk();
        Assert.True(SessionId.TryDecode(result.Line, out var parts));
        Assert.Equal(apiKey, parts.ApiKey.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
