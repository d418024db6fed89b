using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Duet.Core.Projects;
using Duet.Core.Tokens;
using Duet.Signaling.Tests.Infrastructure;
using Duet.Testing;
using Duet.Testing.Processes;

namespace Duet.Scaling.Tests.Infrastructure;

/// <summary>
/// Two Duet server processes (nodes A and B: own ports, own data directories, the same project seed) sharing one
/// redis-server, plus the .NET SignalR clients a test opens on them (closed with the nodes).
/// </summary>
public class TwoNodes : IAsyncLifetime
{
    private readonly Dictionary<string, string> _settings;
    private readonly List<TestClient> _clients = [];
    private RedisProcess? _redis;

    public TwoNodes()
        : this(reconnectGraceSeconds: 20, nodeTimeoutSeconds: 15)
    {
    }

    protected TwoNodes(double reconnectGraceSeconds, double nodeTimeoutSeconds)
    {
        _settings = new Dictionary<string, string>
        {
            ["Duet:Signaling:ReconnectGraceSeconds"] = reconnectGraceSeconds.ToString(CultureInfo.InvariantCulture),
            ["Duet:Redis:NodeTimeoutSeconds"] = nodeTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static Project Project { get; } = new(DuetServerProcess.ApiKey, DuetServerProcess.ApiSecret, "test", DateTimeOffset.UnixEpoch);

    public DuetServerProcess A { get; private set; } = null!;

    public DuetServerProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisProcess.StartAsync();
        _settings["Duet:Redis:Configuration"] = _redis.ConnectionString;
        A = await DuetServerProcess.StartAsync(_settings);
        B = await DuetServerProcess.StartAsync(_settings);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var node in new[] { A, B })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>The room's credentials as <c>GET /api/rooms/{name}</c> on <paramref name="node"/> hands them out.</summary>
    public static async Task<(int ApiKey, string SessionId, string Token)> RoomAsync(DuetServerProcess node, string name)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUri, Timeout = TimeSpan.FromSeconds(15) };
        var room = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/rooms/" + name, UriKind.Relative));
        return (room.GetProperty("apiKey").GetInt32(), room.Str("sessionId"), room.Str("token"));
    }

    public static string Token(string sessionId, Role role = Role.Publisher, string? data = null) =>
        TokenGenerator.Generate(Project, sessionId, new TokenOptions { Role = role, Data = data }, DateTimeOffset.UtcNow);

    /// <summary>A hub client on the node with an open socket that has not called Connect.</summary>
    public async Task<TestClient> OpenClientAsync(DuetServerProcess node)
    {
        var client = await TestClient.OpenAsync(node.BaseUri);
        _clients.Add(client);
        return client;
    }

    /// <summary>A hub client on the node, connected to the session.</summary>
    public async Task<TestClient> JoinAsync(DuetServerProcess node, string sessionId, Role role = Role.Publisher, string? data = null)
    {
        var client = await OpenClientAsync(node);
        (await client.ConnectAsync(sessionId, Token(sessionId, role, data))).Expect();
        return client;
    }
}
