using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duet.Testing;

namespace Duet.Server.Tests.Hosting;

public partial class StartupTests
{
    /// <summary>Empty values switch the test harness's seed off, as on a real first run.</summary>
    private static readonly Dictionary<string, string> NoSeed = new() { ["Duet:Project:ApiKey"] = "", ["Duet:Project:ApiSecret"] = "" };

    [Fact]
    public async Task HealthzAnswers()
    {
        await using var server = await DuetServerProcess.StartAsync();
        using var http = RestAuth.Client(server);

        using var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SessionsAndRoomsSurviveARestart()
    {
        await using var server = await DuetServerProcess.StartAsync();
        using var http = RestAuth.Client(server, RestAuth.Jwt(), "application/json");
        using var created = await http.PostAsync("/session/create", RestAuth.Form(("p2p.preference", "disabled")));
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var sessionId = json.RootElement[0].GetProperty("session_id").GetString()!;
        var room = await http.GetFromJsonAsync<JsonElement>("/api/rooms/keep-me");

        await server.RestartAsync();

        var stored = await ServerData.FindSessionAsync(server, sessionId);
        Assert.Equal(Duet.Core.Sessions.MediaMode.Routed, stored!.MediaMode);
        using var again = RestAuth.Client(server);
        var roomAgain = await again.GetFromJsonAsync<JsonElement>("/api/rooms/keep-me");
        Assert.Equal(room.GetProperty("sessionId").GetString(), roomAgain.GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task AFirstRunPrintsNewCredentialsOnceAndTheyWork()
    {
        await using var server = await DuetServerProcess.StartAsync(NoSeed);

        // The output is read asynchronously: give the reader a moment to catch up with the process.
        var match = CredentialsPattern().Match(server.Output);
        for (var i = 0; i < 50 && !match.Success; i++)
        {
            await Task.Delay(100);
            match = CredentialsPattern().Match(server.Output);
        }

        Assert.True(match.Success, server.Output);
        var apiKey = int.Parse(match.Groups["key"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var secret = match.Groups["secret"].Value;
        var project = Assert.Single(await ServerData.ListProjectsAsync(server));
        Assert.Equal(apiKey, project.ApiKey);
        Assert.Equal(secret, project.ApiSecret);
        // The secret reaches the console once, but never a log line.
        Assert.Equal(1, CountOf(server.Output, secret));

        using (var http = RestAuth.Client(server, RestAuth.Jwt(apiKey, secret), "application/json"))
        using (var response = await http.PostAsync("/session/create", RestAuth.Form()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var http = RestAuth.Client(server))
        {
            var room = await http.GetFromJsonAsync<JsonElement>("/api/rooms/first");
            Assert.Equal(apiKey, room.GetProperty("apiKey").GetInt32());
        }

        // The output of both runs together: the second run printed nothing new.
        await server.RestartAsync();
        Assert.Equal(1, CountOf(server.Output, secret));
        Assert.Single(await ServerData.ListProjectsAsync(server));
    }

    [Fact]
    public async Task TheSeedSecretNeverAppearsInTheOutput()
    {
        await using var server = await DuetServerProcess.StartAsync(new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Debug" });
        using (var http = RestAuth.Client(server, RestAuth.Jwt(), "application/json"))
        {
            (await http.PostAsync("/session/create", RestAuth.Form())).Dispose();
            (await http.PostAsync("/session/create", RestAuth.Form(("archiveMode", "always")))).Dispose();
            (await http.GetAsync("/api/rooms/x")).Dispose();
        }

        using (var http = RestAuth.Client(server, RestAuth.Jwt(secret: new string('9', 40))))
        {
            (await http.PostAsync("/session/create", RestAuth.Form())).Dispose();
        }

        await server.RestartAsync();

        Assert.Contains("47000001", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(DuetServerProcess.ApiSecret, server.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARotatedSeedSecretReplacesTheStoredOne()
    {
        await using var server = await DuetServerProcess.StartAsync();
        await server.StopAsync();
        var newSecret = new string('c', 40);
        await using var rotated = await DuetServerProcess.StartAsync(
            new Dictionary<string, string> { ["Duet:Project:ApiSecret"] = newSecret }, dataDir: server.DataDir);

        using var http = RestAuth.Client(rotated, RestAuth.Jwt(secret: newSecret), "application/json");
        using var response = await http.PostAsync("/session/create", RestAuth.Form());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(newSecret, Assert.Single(await ServerData.ListProjectsAsync(rotated)).ApiSecret);
    }

    [Theory]
    [InlineData("47000001", "")]
    [InlineData("not-a-number", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("47000001", "too-short")]
    public async Task ABadSeedStopsStartUpWithAClearMessage(string apiKey, string apiSecret)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { ["Duet:Project:ApiKey"] = apiKey, ["Duet:Project:ApiSecret"] = apiSecret }));

        Assert.Contains("Duet cannot start:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duet:Project:Api", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duet:Signaling:ReconnectGraceSeconds", "-1")]
    [InlineData("Duet:Signaling:ReconnectGraceSeconds", "1e10")]
    [InlineData("Duet:Signaling:KeepAliveSeconds", "0")]
    [InlineData("Duet:Signaling:ClientTimeoutSeconds", "5")]
    [InlineData("Duet:Signaling:ForcedCloseSeconds", "-2")]
    [InlineData("Duet:Signaling:ResumeSecretLifetimeHours", "0")]
    // Beyond what TimeSpan, a timer or the browser's setTimeout can hold: these crashed start-up (exit 134), or, for
    // the forced close, every force-disconnect answered 500 after removing the connection.
    [InlineData("Duet:Signaling:ClientTimeoutSeconds", "1e15")]
    [InlineData("Duet:Signaling:ClientTimeoutSeconds", "5000000")]
    [InlineData("Duet:Signaling:ForcedCloseSeconds", "5000000")]
    public async Task BadSignalingTimingStopsStartUpWithAClearMessage(string key, string value)
    {
        // Accepted silently, a negative grace made every dropped socket throw (its connection was never cleaned up).
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { [key] = value }));

        Assert.Contains("Duet cannot start: Duet:Signaling:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duet:Limits:MaxConnectionsPerSession", "0")]
    [InlineData("Duet:Limits:SignalsPerSecond", "-1")]
    [InlineData("Duet:Limits:MaxHubMessageBytes", "0")]
    public async Task ALimitOfZeroOrLessStopsStartUpWithAClearMessage(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { [key] = value }));

        Assert.Contains("Duet cannot start: Every Duet:Limits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duet:Rooms:MaxConnections", "0", "Duet:Rooms:MaxConnections must be at least 1.")]
    [InlineData("Duet:Signaling:ClientTimeoutSeconds", "5", "Duet:Signaling:")]
    [InlineData("Duet:Rooms:Enabled", "maybe", "Failed to convert configuration value 'maybe'")]
    public async Task ABadSettingStopsStartUpWithOneLineBeforeTheFirstProjectIsMade(string key, string value, string expected)
    {
        // The host logged "Hosting failed to start" with a stack trace, after the first run had already made a
        // project and printed credentials that the fixed configuration's next start would no longer show.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string>(NoSeed) { [key] = value }));

        Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duet cannot start: " + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Duet created your first project", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADataDirThatIsAFileStopsStartUpWithAClearMessage()
    {
        // Directory.CreateDirectory's IOException escaped: a stack trace and exit code 134.
        var file = Path.GetTempFileName();
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
                new Dictionary<string, string> { ["Duet:DataDir"] = file }));

            Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
            Assert.Contains($"Duet cannot start: Duet:DataDir '{file}'", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseStopsStartUpWithAClearMessage()
    {
        var dataDir = Directory.CreateTempSubdirectory("duet-test-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dataDir, "duet.db"), "this is not a database");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(dataDir: dataDir));

        Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Duet cannot start: Duet:DataDir", error.Message, StringComparison.Ordinal);
        Assert.Contains("file is not a database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortInUseStopsStartUpWithAClearMessage()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(port: port));

        Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Duet cannot start: Failed to bind to address http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl", "Invalid url")]
    [InlineData("ftp://127.0.0.1:5080", "Unrecognized scheme")]
    [InlineData("http://127.0.0.1:99999", "(Parameter 'port')")]
    [InlineData("http://192.0.2.1:5080", "Cannot assign requested address")]
    public async Task AnAddressKestrelCannotUseStopsStartUpWithAClearMessage(string urls, string expected)
    {
        // Only a port in use was caught: Kestrel's other refusals escaped as unhandled exceptions (exit code 134).
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(args: ["--urls", urls]));

        Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Duet cannot start: The address to listen on ('{urls}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duet:Limits:MaxHubMessageBytes", "abc")]
    [InlineData("Duet:Rooms:MaxConnections", "two")]
    [InlineData("Duet:Rooms:Enabled", "maybe")]
    [InlineData("Duet:Signaling:KeepAliveSeconds", "ten")]
    public async Task ASettingThatIsNotANumberOrBooleanStopsStartUpWithAClearMessage(string key, string value)
    {
        // The binder's conversion error escaped as an unhandled exception: a stack trace and exit code 134.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { [key] = value }));

        Assert.Contains("The server exited with 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Duet cannot start: Failed to convert configuration value '{value}' at '{key}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Duet:Turn:Urls:0", "turn.example.com:3478", "Duet:Turn:Urls")]
    [InlineData("Duet:Turn:Urls:0", "stun:stun.example.com", "Duet:Turn:Urls")]
    [InlineData("Duet:Turn:Urls:0", "turn:turn.example.com:3478?transport=sctp", "Duet:Turn:Urls")]
    [InlineData("Duet:Turn:Secret", "s3cret", "Duet:Turn:Urls lists no TURN server")]
    [InlineData("Duet:Turn:Urls:0", "turn:turn.example.com:3478?transport=udp", "Duet:Turn:Secret is empty")]
    [InlineData("Duet:Turn:TtlSeconds", "0", "Duet:Turn:TtlSeconds")]
    [InlineData("Duet:Ice:Servers:0:Urls:0", "https://stun.example.com", "Duet:Ice:Servers URL")]
    [InlineData("Duet:Ice:Servers:0:Urls:0", "turn:turn.example.com", "needs its Username and Credential")]
    public async Task ABadIceOrTurnSettingStopsStartUpWithAClearMessage(string key, string value, string expected)
    {
        // Accepted silently, one malformed URL made every browser refuse its peer connections (error 1013 on each call).
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { [key] = value }));

        Assert.Contains("Duet cannot start:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WellFormedIceAndTurnSettingsAreAccepted()
    {
        await using var server = await DuetServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Duet:Ice:Servers:0:Urls:0"] = "stun:stun.example.com:3478",
            ["Duet:Ice:Servers:0:Urls:1"] = "stuns:[2001:db8::1]",
            ["Duet:Ice:Servers:1:Urls:0"] = "turns:turn.example.com:5349?transport=tcp",
            ["Duet:Ice:Servers:1:Username"] = "user",
            ["Duet:Ice:Servers:1:Credential"] = "pass",
            ["Duet:Turn:Secret"] = "s3cret",
            ["Duet:Turn:Urls:0"] = "turn:192.0.2.7:3478?transport=udp",
        });

        using var http = new HttpClient { BaseAddress = server.BaseUri };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://hooks.example.com/duet")]
    public async Task AWebhookUrlThatIsNotAbsoluteHttpStopsStartUpWithAClearMessage(string url)
    {
        // Accepted silently, the first connection event threw in the dispatcher and stopped the whole server.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DuetServerProcess.StartAsync(
            new Dictionary<string, string> { ["Duet:Webhooks:Url"] = url }));

        Assert.Contains("Duet:Webhooks:Url", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"API key:\s+(?<key>\d+)\s+API secret:\s+(?<secret>[0-9a-f]{40})")]
    private static partial Regex CredentialsPattern();
}
