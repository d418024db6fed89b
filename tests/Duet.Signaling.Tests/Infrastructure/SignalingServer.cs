using Duet.Core.Projects;
using Duet.Core.Sessions;
using Duet.Core.Tokens;
using Duet.Storage.Sqlite;
using Duet.Testing;

namespace Duet.Signaling.Tests.Infrastructure;

/// <summary>
/// The real server as a child process plus what the tests need around it: sessions (written straight into the
/// server's own SQLite file, so a test can give one its own connection limit), tokens from Duet.Core's generator
/// with the seeded project's secret, and connected clients.
/// </summary>
public class SignalingServer : IAsyncLifetime
{
    private readonly Dictionary<string, string> _settings;
    private readonly List<TestClient> _clients = [];
    private DuetServerProcess? _process;
    private SqliteSessionStore? _sessions;

    public SignalingServer(Dictionary<string, string>? settings = null)
    {
        _settings = settings ?? [];
    }

    public static Project Project { get; } = new(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, "test", DateTimeOffset.UnixEpoch);

    public DuetServerProcess Process => _process ?? throw new InvalidOperationException("not started");

    public Uri BaseUri => Process.BaseUri;

    public async Task InitializeAsync()
    {
        _process = await DuetServerProcess.StartAsync(_settings);
        _sessions = new SqliteSessionStore(SqliteDatabase.Open(_process.DataDir));
    }

    public virtual async Task DisposeAsync()
    {
        List<TestClient> clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    public async Task<string> CreateSessionAsync(int? maxConnections = null)
    {
        var now = DateTimeOffset.UtcNow;
        var id = SessionId.Create(DuetServerProcess.ApiKey, "", now);
        await _sessions!.AddAsync(new Session(id, DuetServerProcess.ApiKey, MediaMode.Relayed, ArchiveMode.Manual, "", false, now, maxConnections));
        return id;
    }

    public static string Token(string sessionId, Role role = Role.Publisher, string? data = null, TokenFormat format = TokenFormat.Jwt) =>
        TokenGenerator.Generate(Project, sessionId, new TokenOptions { Role = role, Data = data }, DateTimeOffset.UtcNow, format);

    /// <summary>A client with an open socket that has not called Connect.</summary>
    public async Task<TestClient> OpenClientAsync()
    {
        var client = await TestClient.OpenAsync(BaseUri);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A client connected to the session; the snapshot is the Connect reply's value.</summary>
    public async Task<(TestClient Client, System.Text.Json.JsonElement Snapshot)> JoinAsync(string sessionId, Role role = Role.Publisher, string? data = null)
    {
        var client = await OpenClientAsync();
        var snapshot = (await client.ConnectAsync(sessionId, Token(sessionId, role, data))).Expect();
        return (client, snapshot);
    }
}
